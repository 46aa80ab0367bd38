package hmip.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/** The document ids the index holds passages for, to check it against the warehouse. */
public final class IndexedDocuments {
    private IndexedDocuments() {}

    /** Distinct document ids with at least one live passage in the last commit; empty if there is none. */
    public static Set<String> of(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return new TreeSet<>();
        try (Directory d = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(d)) return new TreeSet<>();
            try (DirectoryReader reader = DirectoryReader.open(d)) {
                return of(reader);
            }
        }
    }

    public static Set<String> of(IndexReader reader) throws IOException {
        Set<String> ids = new TreeSet<>();
        Terms terms = MultiTerms.getTerms(reader, Fields.DOC_ID);
        if (terms == null) return ids;
        IndexSearcher searcher = new IndexSearcher(reader);
        TermsEnum it = terms.iterator();
        for (BytesRef t = it.next(); t != null; t = it.next()) {
            String id = t.utf8ToString();
            // terms of deleted passages stay until segments merge: count live ones only
            if (searcher.count(new TermQuery(new Term(Fields.DOC_ID, id))) > 0) ids.add(id);
        }
        return ids;
    }
}
