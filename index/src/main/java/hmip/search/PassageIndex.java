package hmip.search;

import hmip.model.Passage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.FloatDocValuesField;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The index writer. One instance per ingest run; a document's passages are replaced with
 * {@link #replaceDocument} and made durable by {@link #commit}, after which the warehouse marks the
 * document indexed. Passages carry facet fields and, once embedded, a {@link KnnFloatVectorField};
 * {@link #setVectors} adds vectors later without re-ingesting.
 */
public final class PassageIndex implements AutoCloseable {
    private static final FieldType TEXT_WITH_OFFSETS = new FieldType(TextField.TYPE_STORED);

    static {
        TEXT_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_WITH_OFFSETS.freeze();
    }

    private final Directory directory;
    private final IndexWriter writer;

    public PassageIndex(Path dir) throws IOException {
        this.directory = FSDirectory.open(dir);
        IndexWriterConfig config = new IndexWriterConfig(Analyzers.index());
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        config.setRAMBufferSizeMB(64);
        this.writer = new IndexWriter(directory, config);
    }

    static FacetsConfig facetsConfig() {
        FacetsConfig c = new FacetsConfig();
        c.setMultiValued(Fields.THEME, true);
        return c;
    }

    public void replaceDocument(String docId, List<Passage> passages) throws IOException {
        replaceDocument(docId, passages, sha -> null);
    }

    /**
     * Replaces a document's passages; {@code cachedVector} maps a text's SHA-256 to its vector when one is
     * already cached (null otherwise), so re-ingesting unchanged text needs no new embedding.
     */
    public void replaceDocument(String docId, List<Passage> passages, Function<String, float[]> cachedVector)
            throws IOException {
        writer.deleteDocuments(new Term(Fields.DOC_ID, docId));
        for (Passage p : passages) writer.addDocument(toDocument(p, cachedVector.apply(EmbedText.sha(p))));
    }

    /** Adds passages as they are (for synthetic or test indexes); vectors may be null. */
    public void add(Passage p, float[] vector) throws IOException {
        writer.addDocument(toDocument(p, vector));
    }

    public void deleteDocument(String docId) throws IOException {
        writer.deleteDocuments(new Term(Fields.DOC_ID, docId));
    }

    public void commit() throws IOException {
        writer.commit();
    }

    /** Passages (as of the last commit or earlier changes of this writer) that have no vector yet. */
    public List<Passage> passagesWithoutVector() throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            IndexSearcher s = new IndexSearcher(reader);
            BooleanQuery q = new BooleanQuery.Builder()
                    .add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST)
                    .add(new TermQuery(new Term(Fields.HAS_VECTOR, "1")), BooleanClause.Occur.MUST_NOT).build();
            int n = Math.max(1, s.count(q));
            TopDocs top = s.search(q, n);
            List<Passage> out = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) out.add(PassageSearcher.toPassage(s.storedFields().document(sd.doc)));
            return out;
        }
    }

    /** Re-writes the given passages with their vectors (keyed by passage id). */
    public void setVectors(List<Passage> passages, Map<String, float[]> vectorsById) throws IOException {
        for (Passage p : passages) {
            float[] v = vectorsById.get(p.id());
            if (v != null) writer.updateDocument(new Term(Fields.ID, p.id()), toDocument(p, v));
        }
    }

    /** Number of passages the index holds for one document (after the last commit). */
    public static int passageCount(Path dir, String docId) throws IOException {
        try (Directory d = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(d)) {
            return new IndexSearcher(reader).count(new TermQuery(new Term(Fields.DOC_ID, docId)));
        }
    }

    static float kindBoost(String kind) {
        return switch (kind == null ? "" : kind) {
            case "recommendation" -> 1.3f;
            case "finding" -> 1.2f;
            case "paragraph", "list_item" -> 1.0f;
            case "table_row" -> 0.8f;
            case "footnote" -> 0.6f;
            default -> 0.9f;
        };
    }

    static Document toDocument(Passage p) {
        return toDocument(p, null);
    }

    static Document toDocument(Passage p, float[] vector) {
        Document d = new Document();
        d.add(new StringField(Fields.ID, p.id(), Field.Store.YES));
        d.add(new StringField(Fields.DOC_ID, p.docId(), Field.Store.YES));
        d.add(new IntPoint(Fields.PAGE, p.page()));
        d.add(new StoredField(Fields.PAGE, p.page()));
        d.add(new StoredField(Fields.SPAN_START, p.spanStart()));
        d.add(new StoredField(Fields.SPAN_END, p.spanEnd()));
        d.add(new StringField(Fields.KIND, p.kind(), Field.Store.YES));
        d.add(new SortedSetDocValuesFacetField(Fields.KIND, p.kind()));
        d.add(new FloatDocValuesField(Fields.KIND_BOOST, kindBoost(p.kind())));
        d.add(new Field(Fields.TEXT, p.text(), TEXT_WITH_OFFSETS));
        d.add(new StringField(Fields.TEXT_SHA, EmbedText.sha(p), Field.Store.NO));
        if (p.section() != null) d.add(new StoredField(Fields.SECTION, p.section()));
        if (p.addressee() != null) d.add(new StoredField(Fields.ADDRESSEE, p.addressee()));
        String context = context(p);
        if (!context.isEmpty()) d.add(new TextField(Fields.CONTEXT, context, Field.Store.NO));
        if (p.title() != null) d.add(new StoredField(Fields.TITLE, p.title()));
        addFacet(d, Fields.DOC_TYPE, p.docType());
        addFacet(d, Fields.REGION, p.region());
        addFacet(d, Fields.YEAR, p.year());
        addFacet(d, Fields.PROVIDER, p.provider());
        addFacet(d, Fields.FRAMEWORK, p.framework());
        addFacet(d, Fields.ADDRESSEE_LEVEL, p.addresseeLevel());
        for (String t : p.themes()) addFacet(d, Fields.THEME, t);
        if (vector != null) {
            d.add(new KnnFloatVectorField(Fields.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
            d.add(new StringField(Fields.HAS_VECTOR, "1", Field.Store.NO));
        }
        try {
            return facetsConfig().build(d);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What a passage is about beyond its words, as searchable text: section path, addressee, provider, region
     * and document title (searched with a low weight, {@link SearchTuning#contextWeight}).
     */
    static String context(Passage p) {
        StringBuilder sb = new StringBuilder();
        for (String s : new String[] {p.section(), p.addressee(), p.provider(), p.region(), p.title()}) {
            if (s == null || s.isBlank()) continue;
            if (sb.length() > 0) sb.append(" | ");
            sb.append(s);
        }
        return sb.toString();
    }

    private static void addFacet(Document d, String field, String value) {
        if (value == null || value.isBlank()) return;
        d.add(new StringField(field, value, Field.Store.YES));
        d.add(new SortedSetDocValuesFacetField(field, value));
    }

    @Override
    public void close() throws IOException {
        writer.close();
        directory.close();
    }
}
