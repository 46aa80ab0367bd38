package hmip.search;

import hmip.model.Passage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Read-only search over the passage index: BM25 with English analysis, query-time synonyms, an
 * all-words/proximity boost and per-kind weights; dense vector (KNN) search; hybrid fusion by a convex
 * combination of normalised scores; filters and facet counts; highlighted snippets. One instance is safe
 * for concurrent searches.
 */
public final class PassageSearcher implements AutoCloseable {
    /** How many candidates each retriever contributes to the fusion. */
    static final int CANDIDATES = 100;
    /** The reciprocal rank fusion constant (Cormack et al. 2009). */
    static final int RRF_K = 60;

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Analyzer queryAnalyzer = Analyzers.query();
    private final Analyzer indexAnalyzer = Analyzers.index();
    private final boolean hasVectors;
    private final Embedder embedder;
    private final SearchTuning tuning;
    private volatile SortedSetDocValuesReaderState facetState;
    private static final Set<String> STOP_STEMS = stopStems();

    public PassageSearcher(Path dir) throws IOException {
        this(dir, Embedder.standard());
    }

    public PassageSearcher(Path dir, Embedder embedder) throws IOException {
        this(dir, embedder, SearchTuning.DEFAULT);
    }

    public PassageSearcher(Path dir, Embedder embedder, SearchTuning tuning) throws IOException {
        if (!Files.isDirectory(dir)) throw new IOException("no index at " + dir + " (run `./hmip ingest` first)");
        this.directory = FSDirectory.open(dir);
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        this.hasVectors = searcher.count(new TermQuery(new Term(Fields.HAS_VECTOR, "1"))) > 0;
        this.embedder = embedder;
        this.tuning = tuning;
    }

    public int passageCount() { return reader.numDocs(); }

    /** Passages that carry a vector (0 until `hmip embed` has run). */
    public int vectorCount() throws IOException {
        return searcher.count(new TermQuery(new Term(Fields.HAS_VECTOR, "1")));
    }

    /** The first version's API: lexical search, no filters. */
    public List<SearchHit> search(String queryText, int limit) throws QuerySyntaxException, IOException {
        return search(SearchRequest.of(queryText).withMode(SearchRequest.Mode.LEXICAL).withLimit(limit)
                .withFacets(false)).hits();
    }

    public SearchResult search(SearchRequest r) throws QuerySyntaxException, IOException {
        return search(r, null);
    }

    private SearchResult search(SearchRequest r, float[] queryVector) throws QuerySyntaxException, IOException {
        long t0 = System.nanoTime();
        List<String> notes = new ArrayList<>();
        int limit = Math.max(1, r.limit());
        SearchRequest.Mode mode = r.mode() == null ? SearchRequest.Mode.HYBRID : r.mode();
        if (mode != SearchRequest.Mode.LEXICAL && !hasVectors) {
            notes.add("the index has no vectors yet (run `hmip embed`): " + mode.name().toLowerCase() + " search fell back to lexical");
            mode = SearchRequest.Mode.LEXICAL;
        }
        Query filter = filter(r);
        boolean browse = r.query() == null || r.query().isBlank();
        if (browse) {
            if (filter == null) throw new QuerySyntaxException("empty query: give words to search for, or a filter", null);
            mode = SearchRequest.Mode.LEXICAL; // list everything the filters select, in index order
        }
        // what the query asks beyond its topic: "recommendations to HMPPS on ViSOR" searches "ViSOR" and ranks
        // recommendations to HMPPS first (plain queries only; Lucene syntax is taken as written)
        QueryIntent intent = browse || r.plain() || !tuning.intent() || hasSyntax(r.query())
                ? QueryIntent.plain(r.query()) : QueryIntent.of(r.query());
        boolean topicless = !browse && intent.topic().isBlank();
        // matching: what a passage must contain; lexical adds the all-words and proximity clauses (plain
        // text, as for "similar", gets none), which change scores but not which passages match
        Query userWords = browse || topicless ? null
                : mode == SearchRequest.Mode.SEMANTIC && r.plain() ? null : parse(intent.topic(), r.plain());
        Query expansions = browse || topicless || r.plain() || hasSyntax(r.query()) ? null : expansions(intent.topic());
        Query matching = browse || topicless ? new MatchAllDocsQuery() : or(userWords, expansions);
        Query lexical = browse || topicless ? matching
                : or(userWords == null || r.plain() ? userWords : withProximityBoost(userWords), expansions);
        Query lexicalRanked = lexical == null ? null : filtered(
                FunctionScoreQuery.boostByValue(lexical, DoubleValuesSource.fromFloatField(Fields.KIND_BOOST)), filter);
        // the same matches without the extra clauses and the kind boost, so non-competitive passages can be
        // skipped; the full score is then computed for its top hits only (rankLexical)
        Query lexicalFirstPass = matching == null || browse || topicless ? null : filtered(matching, filter);

        Query knn = null;
        float[] v = null;
        if (mode != SearchRequest.Mode.LEXICAL && !topicless) {
            v = queryVector != null ? queryVector : embedder.embedQuery(semanticText(intent.topic()));
            int k = Math.max(CANDIDATES, limit);
            knn = filter == null ? new KnnFloatVectorQuery(Fields.VECTOR, v, k)
                    : new KnnFloatVectorQuery(Fields.VECTOR, v, k, filter);
        }

        List<ScoreDoc> ranked;
        long total;
        Query facetQuery;
        if (intent.recommendations()) {
            // recommendations on the topic are candidates however far down the unfiltered lists they come
            Query recs = recommendationsFilter(filter, topicless ? intent.addressees() : Set.of());
            int depth = Math.max(CANDIDATES, limit);
            ScoreDoc[] lex = topicless ? searcher.search(new ConstantScoreQuery(recs), depth).scoreDocs
                    : lexicalRanked == null ? new ScoreDoc[0]
                    : union(rankLexical(lexicalFirstPass, lexicalRanked, depth),
                            rankLexical(filtered(matching, recs), filtered(lexicalRanked, recs), depth));
            ScoreDoc[] sem = knn == null ? new ScoreDoc[0] : union(searcher.search(knn, depth).scoreDocs,
                    searcher.search(new KnnFloatVectorQuery(Fields.VECTOR, v, depth, recs), depth).scoreDocs);
            List<ScoreDoc> fused = switch (mode) {
                case LEXICAL -> normalised(lex);
                case SEMANTIC -> normalised(sem);
                default -> fusion(lex, sem, Integer.MAX_VALUE);
            };
            ranked = boostForIntent(fused, intent, limit);
            facetQuery = knn == null ? (lexicalRanked != null ? lexicalRanked : new ConstantScoreQuery(recs))
                    : lexicalRanked == null ? knn
                    : new BooleanQuery.Builder().add(lexicalRanked, BooleanClause.Occur.SHOULD)
                            .add(knn, BooleanClause.Occur.SHOULD).build();
        } else {
            switch (mode) {
                case LEXICAL -> {
                    ranked = List.of(rankLexical(lexicalFirstPass, lexicalRanked, limit));
                    facetQuery = lexicalFirstPass != null ? lexicalFirstPass : lexicalRanked;
                }
                case SEMANTIC -> {
                    ranked = List.of(searcher.search(knn, limit).scoreDocs);
                    facetQuery = knn;
                }
                default -> {
                    ScoreDoc[] lex = rankLexical(lexicalFirstPass, lexicalRanked, Math.max(CANDIDATES, limit));
                    ScoreDoc[] sem = searcher.search(knn, Math.max(CANDIDATES, limit)).scoreDocs;
                    ranked = fusion(lex, sem, limit);
                    facetQuery = new BooleanQuery.Builder().add(lexicalRanked, BooleanClause.Occur.SHOULD)
                            .add(knn, BooleanClause.Occur.SHOULD).build();
                }
            }
        }
        Map<String, Map<String, Integer>> facets = Map.of();
        if (r.facets()) {
            FacetsCollector fc = searcher.search(facetQuery, new FacetsCollectorManager());
            total = fc.getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();
            facets = facets(fc);
        } else {
            total = searcher.count(facetQuery);
        }
        List<SearchHit> hits = hits(ranked, browse || topicless ? null : lexical);
        return new SearchResult(hits, total, facets, mode, notes, (System.nanoTime() - t0) / 1e6);
    }

    /** How deep the cheap first pass goes before the full lexical score re-ranks its hits. */
    static final int RESCORE_DEPTH = 300;

    /**
     * The top {@code n} by the full lexical score ({@code ranked}: BM25 plus the all-words and proximity
     * clauses, times the passage kind's boost). Scoring those clauses and the boost on every match was
     * 55% of search time on 100,000 passages, and the boost rules out skipping; so the plain disjunction
     * ({@code firstPass}, same matches) picks the top {@link #RESCORE_DEPTH} and only they get the full
     * score. A passage outside them cannot enter the results, which the judged query set checks.
     */
    private ScoreDoc[] rankLexical(Query firstPass, Query ranked, int n) throws IOException {
        if (firstPass == null) return searcher.search(ranked, n).scoreDocs;
        TopDocs first = searcher.search(firstPass, Math.max(RESCORE_DEPTH, n));
        QueryRescorer full = new QueryRescorer(ranked) {
            @Override
            protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
                return secondPassMatches ? secondPassScore : 0f;
            }
        };
        return full.rescore(searcher, first, n).scoreDocs;
    }

    /**
     * Hybrid fusion as the tuning says: a negative alpha selects reciprocal rank fusion, a value in [0, 1] the
     * convex combination alpha × lexical + (1 − alpha) × semantic of min-max normalised scores.
     */
    private List<ScoreDoc> fusion(ScoreDoc[] lex, ScoreDoc[] sem, int limit) {
        return tuning.fusionAlpha() < 0 ? fuse(List.of(lex, sem), limit) : convex(lex, sem, tuning.fusionAlpha(), limit);
    }

    /** Scores min-max normalised to [0, 1], order kept. */
    static List<ScoreDoc> normalised(ScoreDoc[] list) {
        Map<Integer, Double> score = new LinkedHashMap<>();
        addNormalised(score, list, 1, false);
        return score.entrySet().stream().map(e -> new ScoreDoc(e.getKey(), e.getValue().floatValue())).toList();
    }

    /** Two rankings of the same scoring function merged: each passage once, with its best score. */
    static ScoreDoc[] union(ScoreDoc[] a, ScoreDoc[] b) {
        Map<Integer, Float> best = new LinkedHashMap<>();
        for (ScoreDoc[] list : List.of(a, b)) for (ScoreDoc sd : list) best.merge(sd.doc, sd.score, Math::max);
        return best.entrySet().stream().sorted((x, y) -> Float.compare(y.getValue(), x.getValue()))
                .map(e -> new ScoreDoc(e.getKey(), e.getValue())).toArray(ScoreDoc[]::new);
    }

    /** Recommendations only (within the request's filters), optionally to some addressee levels. */
    static Query recommendationsFilter(Query filter, Set<String> addressees) {
        BooleanQuery.Builder b = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.KIND, "recommendation")), BooleanClause.Occur.FILTER);
        if (filter != null) b.add(filter, BooleanClause.Occur.FILTER);
        if (!addressees.isEmpty()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (String a : addressees) any.add(new TermQuery(new Term(Fields.ADDRESSEE_LEVEL, a)), BooleanClause.Occur.SHOULD);
            b.add(any.build(), BooleanClause.Occur.FILTER);
        }
        return new ConstantScoreQuery(b.build());
    }

    /**
     * For a query that asks for recommendations: a recommendation's score × (1 + recommendationBoost), and
     * × (1 + addresseeBoost) again when it is addressed to a level the query names; the top {@code limit}.
     */
    private List<ScoreDoc> boostForIntent(List<ScoreDoc> fused, QueryIntent intent, int limit) throws IOException {
        List<ScoreDoc> out = new ArrayList<>(fused.size());
        for (ScoreDoc sd : fused) {
            Document d = searcher.storedFields().document(sd.doc, Set.of(Fields.KIND, Fields.ADDRESSEE_LEVEL));
            double s = sd.score;
            if ("recommendation".equals(d.get(Fields.KIND))) {
                s *= 1 + tuning.recommendationBoost();
                if (intent.addressees().contains(d.get(Fields.ADDRESSEE_LEVEL))) s *= 1 + tuning.addresseeBoost();
            }
            out.add(new ScoreDoc(sd.doc, (float) s));
        }
        return out.stream().sorted((a, b) -> Float.compare(b.score, a.score)).limit(limit).toList();
    }

    /** The user's words and the expansions as one disjunction (either may be null). */
    static Query or(Query a, Query b) {
        if (a == null) return b;
        if (b == null) return a;
        return new BooleanQuery.Builder().add(a, BooleanClause.Occur.SHOULD).add(b, BooleanClause.Occur.SHOULD).build();
    }

    /** The weighted expansions of a plain query (everyday wording, context field), or null. */
    Query expansions(String topic) {
        Query everyday = tuning.everydayWeight() <= 0 ? null
                : QueryExpansion.query(QueryExpansion.phrases(QueryExpansion.everyday(), topic), tuning.everydayWeight(), indexAnalyzer);
        return or(everyday, context(topic));
    }

    /** The topic's words (synonyms expanded, stop words dropped) matched in the passage's context field. */
    Query context(String topic) {
        if (tuning.contextWeight() <= 0) return null;
        Query q = new org.apache.lucene.util.QueryBuilder(queryAnalyzer).createBooleanQuery(Fields.CONTEXT, plainWords(topic));
        if (q == null) return null;
        q = withoutStopWords(q);
        return new BoostQuery(q, (float) tuning.contextWeight());
    }

    /** What the embedding model sees: the words, abbreviations spelled out, and (if tuned so) the expansions. */
    String semanticText(String topic) {
        String text = Analyzers.expandAbbreviations(plainWords(topic));
        if (!tuning.semanticExpansion()) return text;
        List<String> extra = QueryExpansion.phrases(QueryExpansion.everyday(), topic);
        return extra.isEmpty() ? text : text + " (" + String.join(", ", extra) + ")";
    }

    /** Whether a query uses Lucene syntax (quotes, operators, field names, wildcards), so is taken as written. */
    static boolean hasSyntax(String q) {
        return q != null && SYNTAX.matcher(q).find();
    }

    private static final java.util.regex.Pattern SYNTAX =
            java.util.regex.Pattern.compile("[\"():*?~^\\[\\]{}\\\\]|\\b(AND|OR|NOT)\\b|(^|\\s)[+-]\\S");

    /**
     * Convex combination of normalised scores; a passage missing from a list scores 0 there. Lexical scores
     * are divided by the best one: BM25 is 0 for no match, so a short list (a rare term matched by four
     * passages) keeps its fourth hit near the first instead of min-max stretching it to 0 below every
     * semantic candidate. Cosine similarities have no such zero (unrelated passages score 0.6-0.7), so the
     * semantic list is min-max normalised.
     */
    static List<ScoreDoc> convex(ScoreDoc[] lex, ScoreDoc[] sem, double alpha, int limit) {
        Map<Integer, Double> score = new LinkedHashMap<>();
        addNormalised(score, lex, alpha, true);
        addNormalised(score, sem, 1 - alpha, false);
        return score.entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .limit(limit)
                .map(e -> new ScoreDoc(e.getKey(), e.getValue().floatValue()))
                .toList();
    }

    private static void addNormalised(Map<Integer, Double> acc, ScoreDoc[] list, double weight, boolean fromZero) {
        if (list.length == 0) return;
        double max = Double.NEGATIVE_INFINITY, min = fromZero ? 0 : Double.POSITIVE_INFINITY;
        for (ScoreDoc sd : list) {
            max = Math.max(max, sd.score);
            min = Math.min(min, sd.score);
        }
        double range = max - min;
        for (ScoreDoc sd : list) {
            double norm = range <= 0 ? 1 : (sd.score - min) / range;
            acc.merge(sd.doc, weight * norm, Double::sum);
        }
    }

    /** Reciprocal rank fusion: each list adds 1 / (60 + rank) to a passage's score. */
    static List<ScoreDoc> fuse(List<ScoreDoc[]> lists, int limit) {
        Map<Integer, Float> score = new LinkedHashMap<>();
        for (ScoreDoc[] list : lists) {
            for (int i = 0; i < list.length; i++) score.merge(list[i].doc, 1f / (RRF_K + i + 1), Float::sum);
        }
        return score.entrySet().stream()
                .sorted((a, b) -> Float.compare(b.getValue(), a.getValue()))
                .limit(limit)
                .map(e -> new ScoreDoc(e.getKey(), e.getValue()))
                .toList();
    }

    /** The most similar passages of the same kind in other documents (hybrid when vectors exist). */
    public SearchResult similar(String passageId, int limit) throws IOException {
        TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, passageId)), 1);
        if (top.scoreDocs.length == 0) throw new IllegalArgumentException("no passage with id " + passageId);
        int doc = top.scoreDocs[0].doc;
        Passage p = toPassage(searcher.storedFields().document(doc));
        float[] v = vector(doc).orElse(null);
        SearchRequest r = SearchRequest.of(p.text()).withKind(p.kind()).excludingDoc(p.docId()).withLimit(limit)
                .withFacets(false).asPlainText()
                .withMode(v == null ? SearchRequest.Mode.LEXICAL : SearchRequest.Mode.HYBRID);
        try {
            return search(r, v);
        } catch (QuerySyntaxException e) {
            throw new IllegalStateException("plain-text query failed to parse", e);
        }
    }

    /** A passage by id. */
    public Optional<Passage> passage(String passageId) throws IOException {
        TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, passageId)), 1);
        if (top.scoreDocs.length == 0) return Optional.empty();
        return Optional.of(toPassage(searcher.storedFields().document(top.scoreDocs[0].doc)));
    }

    /** The stored vector of an index document, if it has one. */
    Optional<float[]> vector(int doc) throws IOException {
        LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
        if (values == null) return Optional.empty();
        int target = doc - leaf.docBase;
        if (values.advance(target) != target) return Optional.empty();
        return Optional.of(values.vectorValue().clone());
    }

    private List<SearchHit> hits(List<ScoreDoc> ranked, Query highlightQuery) throws IOException {
        String[] snippets = new String[ranked.size()];
        if (highlightQuery != null && !ranked.isEmpty()) {
            UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, indexAnalyzer)
                    .withFormatter(new DefaultPassageFormatter("[[", "]]", " … ", false))
                    .withMaxLength(20_000)
                    .build();
            int[] ids = ranked.stream().mapToInt(sd -> sd.doc).toArray();
            Map<String, String[]> out = highlighter.highlightFields(new String[] {Fields.TEXT}, highlightQuery, ids,
                    new int[] {2});
            snippets = out.get(Fields.TEXT);
        }
        List<SearchHit> hits = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            ScoreDoc sd = ranked.get(i);
            Document d = searcher.storedFields().document(sd.doc);
            String snippet = snippets[i] != null ? snippets[i] : abbreviate(d.get(Fields.TEXT), 300);
            hits.add(new SearchHit(toPassage(d), sd.score, snippet));
        }
        return hits;
    }

    private static String abbreviate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n) + " …";
    }

    private Map<String, Map<String, Integer>> facets(FacetsCollector fc) throws IOException {
        SortedSetDocValuesReaderState state = facetState();
        if (state == null) return Map.of();
        Facets counts = new SortedSetDocValuesFacetCounts(state, fc);
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        for (String dim : Fields.FACETS) {
            FacetResult fr;
            try {
                fr = counts.getTopChildren(50, dim);
            } catch (IllegalArgumentException e) {
                continue; // dimension never indexed
            }
            if (fr == null) continue;
            Map<String, Integer> values = new LinkedHashMap<>();
            for (LabelAndValue lv : fr.labelValues) values.put(lv.label, lv.value.intValue());
            out.put(dim, values);
        }
        return out;
    }

    private SortedSetDocValuesReaderState facetState() throws IOException {
        SortedSetDocValuesReaderState s = facetState;
        if (s == null) {
            try {
                s = new DefaultSortedSetDocValuesReaderState(reader, PassageIndex.facetsConfig());
            } catch (IllegalArgumentException e) {
                return null; // no facet fields in this index
            }
            facetState = s;
        }
        return s;
    }

    static Query filtered(Query q, Query filter) {
        if (filter == null) return q;
        return new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST).add(filter, BooleanClause.Occur.FILTER).build();
    }

    /** The request's filters as one query (null when there are none). */
    static Query filter(SearchRequest r) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int n = 0;
        n += term(b, Fields.REGION, r.region());
        n += term(b, Fields.YEAR, r.year());
        n += term(b, Fields.THEME, r.theme());
        n += term(b, Fields.ADDRESSEE_LEVEL, r.addresseeLevel());
        n += term(b, Fields.DOC_TYPE, r.docType());
        n += term(b, Fields.KIND, r.kind());
        n += term(b, Fields.PROVIDER, r.provider());
        n += term(b, Fields.FRAMEWORK, r.framework());
        if (r.excludeDocId() != null) {
            if (n == 0) b.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
            b.add(new TermQuery(new Term(Fields.DOC_ID, r.excludeDocId())), BooleanClause.Occur.MUST_NOT);
            n++;
        }
        return n == 0 ? null : new ConstantScoreQuery(b.build());
    }

    private static int term(BooleanQuery.Builder b, String field, String value) {
        if (value == null || value.isBlank()) return 0;
        b.add(new TermQuery(new Term(field, value)), BooleanClause.Occur.FILTER);
        return 1;
    }

    Query parse(String queryText, boolean plain) throws QuerySyntaxException {
        if (queryText == null || queryText.isBlank()) throw new QuerySyntaxException("empty query", null);
        QueryParser parser = new QueryParser(Fields.TEXT, queryAnalyzer);
        parser.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        parser.setSplitOnWhitespace(false);
        try {
            if (plain) {
                String words = plainWords(queryText);
                if (words.isBlank()) throw new QuerySyntaxException("query has no words", null);
                return withoutStopWords(parser.parse(QueryParser.escape(words)));
            }
            return withoutStopWords(parser.parse(queryText));
        } catch (ParseException e) {
            String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("invalid query");
            first = first.replaceFirst("^Cannot parse '.*?': ", "");
            throw new QuerySyntaxException("cannot parse query \"" + queryText + "\": " + first
                    + " (quote special characters such as : ( ) [ ] or wrap the phrase in double quotes)", e);
        } catch (RuntimeException e) {
            throw new QuerySyntaxException("cannot run query \"" + queryText + "\": " + e.getMessage(), e);
        }
    }

    /**
     * The index keeps stop words so phrases match as printed; as loose words of a query they only add
     * noise ("people on probation" would rank passages by "on"). Drops them from a top-level disjunction
     * unless nothing else is left; inside phrases they stay.
     */
    static Query withoutStopWords(Query parsed) {
        if (!(parsed instanceof BooleanQuery bq)) return parsed;
        BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
        int kept = 0;
        for (BooleanClause c : bq.clauses()) {
            if (c.getOccur() == BooleanClause.Occur.SHOULD && c.getQuery() instanceof TermQuery tq
                    && STOP_STEMS.contains(tq.getTerm().text())) {
                continue;
            }
            b.add(c);
            if (c.getOccur() != BooleanClause.Occur.MUST_NOT) kept++;
        }
        return kept == 0 ? parsed : b.build();
    }

    /** The query's words without syntax: what the embedding model and plain-text search see. */
    static String plainWords(String q) {
        return q.replaceAll("[\"()\\[\\]{}~^*?:!+\\\\/]|\\b(AND|OR|NOT)\\b|(?<=\\s)-", " ").replaceAll("\\s+", " ").trim()
                .toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * For a plain multi-word query, BM25 alone ranks a short passage with one query word above a
     * longer one that has them all side by side. Passages holding every (non-stop) word, and holding them
     * close together, get extra weight; the plain disjunction still finds partial matches. Synonym
     * expansions count as one word.
     */
    static Query withProximityBoost(Query parsed) {
        if (!(parsed instanceof BooleanQuery bq) || bq.clauses().size() < 2) return parsed;
        List<Query> content = new ArrayList<>();
        List<Term> terms = new ArrayList<>();
        boolean allTerms = true;
        for (BooleanClause c : bq.clauses()) {
            if (c.getOccur() != BooleanClause.Occur.SHOULD) return parsed;
            Query q = c.getQuery();
            if (q instanceof TermQuery tq) {
                if (STOP_STEMS.contains(tq.getTerm().text())) continue;
                terms.add(tq.getTerm());
            } else {
                allTerms = false;
            }
            content.add(q);
        }
        if (content.size() < 2) return parsed;
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (Query q : content) all.add(q, BooleanClause.Occur.MUST);
        BooleanQuery.Builder b = new BooleanQuery.Builder()
                .add(parsed, BooleanClause.Occur.SHOULD)
                .add(new BoostQuery(new ConstantScoreQuery(all.build()), 2f), BooleanClause.Occur.SHOULD);
        if (allTerms) {
            PhraseQuery.Builder near = new PhraseQuery.Builder().setSlop(8);
            for (Term t : terms) near.add(t);
            b.add(new BoostQuery(near.build(), 1.5f), BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    private static Set<String> stopStems() {
        Set<String> out = new HashSet<>();
        try (Analyzer a = Analyzers.index()) {
            for (Object o : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
                String w = new String((char[]) o);
                try (TokenStream ts = a.tokenStream(Fields.TEXT, w)) {
                    CharTermAttribute att = ts.addAttribute(CharTermAttribute.class);
                    ts.reset();
                    while (ts.incrementToken()) out.add(att.toString());
                    ts.end();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static Passage toPassage(Document d) {
        return new Passage(d.get(Fields.ID), d.get(Fields.DOC_ID), intField(d, Fields.PAGE),
                intField(d, Fields.SPAN_START), intField(d, Fields.SPAN_END), d.get(Fields.KIND), d.get(Fields.TEXT),
                d.get(Fields.TITLE), d.get(Fields.DOC_TYPE), d.get(Fields.REGION), d.get(Fields.YEAR),
                d.get(Fields.PROVIDER), d.get(Fields.FRAMEWORK), d.get(Fields.ADDRESSEE_LEVEL),
                List.of(d.getValues(Fields.THEME)), d.get(Fields.SECTION), d.get(Fields.ADDRESSEE));
    }

    private static int intField(Document d, String name) {
        var f = d.getField(name);
        return f == null || f.numericValue() == null ? 0 : f.numericValue().intValue();
    }

    /**
     * Every value of one facet dimension the index holds (region, year, doc_type, framework, addressee_level,
     * provider, theme, kind): what a filter on it can match.
     */
    public Set<String> values(String dim) throws IOException {
        SortedSetDocValuesReaderState state = facetState();
        if (state == null) return Set.of();
        FacetsCollector fc = searcher.search(new MatchAllDocsQuery(), new FacetsCollectorManager());
        FacetResult fr;
        try {
            fr = new SortedSetDocValuesFacetCounts(state, fc).getAllChildren(dim);
        } catch (IllegalArgumentException e) {
            return Set.of(); // dimension never indexed
        }
        Set<String> out = new java.util.TreeSet<>();
        if (fr != null) for (LabelAndValue lv : fr.labelValues) out.add(lv.label);
        return out;
    }

    /** Counts of passages per value of one facet dimension over the whole index. */
    public Map<String, Integer> counts(String dim) throws IOException {
        FacetsCollector fc = searcher.search(new MatchAllDocsQuery(), new FacetsCollectorManager());
        Map<String, Map<String, Integer>> all = facets(fc);
        return all.getOrDefault(dim, new HashMap<>());
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
