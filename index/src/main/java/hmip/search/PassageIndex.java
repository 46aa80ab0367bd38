package hmip.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The index writer. One instance per ingest run; a document's passages are replaced with
 * {@link #replaceDocument} and made durable by {@link #commit}, after which the warehouse marks the
 * document indexed.
 */
public final class PassageIndex implements AutoCloseable {
    private final Directory directory;
    private final IndexWriter writer;

    public PassageIndex(Path dir) throws IOException {
        this.directory = FSDirectory.open(dir);
        IndexWriterConfig config = new IndexWriterConfig(Analyzers.english());
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        config.setRAMBufferSizeMB(64);
        this.writer = new IndexWriter(directory, config);
    }

    public void replaceDocument(String docId, List<Passage> passages) throws IOException {
        writer.deleteDocuments(new Term(Fields.DOC_ID, docId));
        for (Passage p : passages) writer.addDocument(toDocument(p));
    }

    public void deleteDocument(String docId) throws IOException {
        writer.deleteDocuments(new Term(Fields.DOC_ID, docId));
    }

    public void commit() throws IOException {
        writer.commit();
    }

    /** Number of passages the index holds for one document (after the last commit). */
    public static int passageCount(Path dir, String docId) throws IOException {
        try (Directory d = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(d)) {
            return new IndexSearcher(reader).count(new TermQuery(new Term(Fields.DOC_ID, docId)));
        }
    }

    static Document toDocument(Passage p) {
        Document d = new Document();
        d.add(new StringField(Fields.ID, p.id(), Field.Store.YES));
        d.add(new StringField(Fields.DOC_ID, p.docId(), Field.Store.YES));
        d.add(new IntPoint(Fields.PAGE, p.page()));
        d.add(new StoredField(Fields.PAGE, p.page()));
        d.add(new StoredField(Fields.SPAN_START, p.spanStart()));
        d.add(new StoredField(Fields.SPAN_END, p.spanEnd()));
        d.add(new StringField(Fields.KIND, p.kind(), Field.Store.YES));
        d.add(new TextField(Fields.TEXT, p.text(), Field.Store.YES));
        addOptional(d, Fields.TITLE, p.title());
        addOptional(d, Fields.DOC_TYPE, p.docType());
        addOptional(d, Fields.REGION, p.region());
        addOptional(d, Fields.YEAR, p.year());
        addOptional(d, Fields.PROVIDER, p.provider());
        return d;
    }

    private static void addOptional(Document d, String field, String value) {
        if (value != null && !value.isBlank()) d.add(new StringField(field, value, Field.Store.YES));
    }

    @Override
    public void close() throws IOException {
        writer.close();
        directory.close();
    }
}
