package hmip.search;

/** Lucene field names, shared by the writer and the searcher. */
final class Fields {
    static final String ID = "id";
    static final String DOC_ID = "doc_id";
    static final String PAGE = "page";
    static final String SPAN_START = "span_start";
    static final String SPAN_END = "span_end";
    static final String KIND = "kind";
    static final String TEXT = "text";
    static final String TITLE = "title";
    static final String DOC_TYPE = "doc_type";
    static final String REGION = "region";
    static final String YEAR = "year";
    static final String PROVIDER = "provider";

    private Fields() {}
}
