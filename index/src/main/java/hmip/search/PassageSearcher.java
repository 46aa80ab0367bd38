package hmip.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/** Read-only search over the passage index: BM25, English analysis, highlighted snippets. */
public final class PassageSearcher implements AutoCloseable {
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Analyzer analyzer = Analyzers.english();

    public PassageSearcher(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new IOException("no index at " + dir + " (run `./hmip ingest` first)");
        this.directory = FSDirectory.open(dir);
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
    }

    public int passageCount() { return reader.numDocs(); }

    public List<SearchHit> search(String queryText, int limit) throws QuerySyntaxException, IOException {
        Query query = parse(queryText);
        TopDocs top = searcher.search(query, Math.max(1, limit));
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("[[", "]]", " … ", false))
                .withMaxLength(20_000)
                .build();
        String[] snippets = highlighter.highlight(Fields.TEXT, query, top, 2);
        List<SearchHit> hits = new ArrayList<>();
        for (int i = 0; i < top.scoreDocs.length; i++) {
            ScoreDoc sd = top.scoreDocs[i];
            Document d = searcher.storedFields().document(sd.doc);
            String snippet = snippets[i] != null ? snippets[i] : d.get(Fields.TEXT);
            hits.add(new SearchHit(toPassage(d), sd.score, snippet));
        }
        return hits;
    }

    Query parse(String queryText) throws QuerySyntaxException {
        if (queryText == null || queryText.isBlank()) throw new QuerySyntaxException("empty query", null);
        QueryParser parser = new QueryParser(Fields.TEXT, analyzer);
        try {
            return withProximityBoost(parser.parse(queryText));
        } catch (ParseException e) {
            String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("invalid query");
            throw new QuerySyntaxException("cannot parse query \"" + queryText + "\": " + first
                    + " (quote special characters such as : ( ) [ ] or wrap the phrase in double quotes)", e);
        } catch (RuntimeException e) {
            throw new QuerySyntaxException("cannot run query \"" + queryText + "\": " + e.getMessage(), e);
        }
    }

    /**
     * For a plain multi-word query, BM25 alone ranks a short passage with one query word above a
     * longer one that has them all side by side. Passages holding every word, and holding them close
     * together, get extra weight; the plain disjunction still finds partial matches.
     */
    static Query withProximityBoost(Query parsed) {
        if (!(parsed instanceof BooleanQuery bq) || bq.clauses().size() < 2) return parsed;
        List<Term> terms = new ArrayList<>();
        for (BooleanClause c : bq.clauses()) {
            if (c.getOccur() != BooleanClause.Occur.SHOULD || !(c.getQuery() instanceof TermQuery tq)) return parsed;
            terms.add(tq.getTerm());
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        PhraseQuery.Builder near = new PhraseQuery.Builder().setSlop(8);
        for (Term t : terms) {
            all.add(new TermQuery(t), BooleanClause.Occur.MUST);
            near.add(t);
        }
        return new BooleanQuery.Builder()
                .add(parsed, BooleanClause.Occur.SHOULD)
                .add(new BoostQuery(new ConstantScoreQuery(all.build()), 2f), BooleanClause.Occur.SHOULD)
                .add(new BoostQuery(near.build(), 1.5f), BooleanClause.Occur.SHOULD)
                .build();
    }

    private static Passage toPassage(Document d) {
        return new Passage(d.get(Fields.ID), d.get(Fields.DOC_ID), intField(d, Fields.PAGE),
                intField(d, Fields.SPAN_START), intField(d, Fields.SPAN_END), d.get(Fields.KIND), d.get(Fields.TEXT),
                d.get(Fields.TITLE), d.get(Fields.DOC_TYPE), d.get(Fields.REGION), d.get(Fields.YEAR),
                d.get(Fields.PROVIDER));
    }

    private static int intField(Document d, String name) {
        var f = d.getField(name);
        return f == null || f.numericValue() == null ? 0 : f.numericValue().intValue();
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
