package hmip.search;

import java.util.List;

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
    static final String FRAMEWORK = "framework";
    static final String ADDRESSEE_LEVEL = "addressee_level";
    static final String THEME = "theme";
    /** Section heading path (stored). */
    static final String SECTION = "section";
    /** A recommendation's addressee as printed (stored). */
    static final String ADDRESSEE = "addressee";
    /** Section, addressee, provider, region and title as analysed text (not stored): searched at a low weight. */
    static final String CONTEXT = "context";
    /** Per-kind ranking weight (doc values), multiplied into the lexical score. */
    static final String KIND_BOOST = "kind_boost";
    static final String VECTOR = "vector";
    /** "1" on passages that carry a vector. */
    static final String HAS_VECTOR = "has_vector";
    /** SHA-256 of the passage text: the key of the vector cache. */
    static final String TEXT_SHA = "text_sha";

    /** Facet dimensions, in display order. */
    static final List<String> FACETS = List.of(REGION, YEAR, DOC_TYPE, FRAMEWORK, ADDRESSEE_LEVEL, PROVIDER, THEME, KIND);

    private Fields() {}
}
