package hmip.search;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ranking experiments on the judged set: one line per tuning with nDCG@10 per group (hybrid, then
 * lexical). Runs only with -Dhmip.experiments=NAME;NAME... (or "all"); the numbers behind index/README.md's
 * before/after table. "old-everyday" is q12-q19, the everyday queries written before this vocabulary.
 */
class RankingExperimentsTest {
    static Map<String, SearchTuning> tunings() {
        SearchTuning base = SearchTuning.DEFAULT;
        Map<String, SearchTuning> m = new LinkedHashMap<>();
        m.put("default", base);
        m.put("baseline", new SearchTuning(0.5, 0, false, 0, 0, false, 0));
        // the ladder of index/README.md: each step adds one change to the one before
        SearchTuning b = new SearchTuning(0.5, 0, false, 0, 0, false, 0);
        m.put("L3 +everyday", b.withEverydayWeight(0.7));
        m.put("L4 +semExp", b.withEverydayWeight(0.7).withSemanticExpansion(true));
        m.put("L5 +alpha0.6", b.withEverydayWeight(0.7).withSemanticExpansion(true).withFusionAlpha(0.6));
        m.put("L6 +intent", b.withEverydayWeight(0.7).withSemanticExpansion(true).withFusionAlpha(0.6).withIntent(true, 10, 1));
        m.put("no-everyday", base.withEverydayWeight(0));
        for (double w : new double[] {0.4, 0.55, 0.85, 1.0}) m.put("everyday" + w, base.withEverydayWeight(w));
        m.put("no-semanticExpansion", base.withSemanticExpansion(false));
        for (double a : new double[] {0.5, 0.55, 0.65, 0.7, 0.75, 0.8, -1}) m.put("alpha" + a, base.withFusionAlpha(a));
        m.put("no-intent", base.withIntent(false, 0, 0));
        for (double rb : new double[] {1, 4, 10}) {
            for (double ab : new double[] {0.5, 1, 2}) m.put("intent" + rb + "/" + ab, base.withIntent(true, rb, ab));
        }
        for (double c : new double[] {0.1, 0.2, 0.4}) m.put("context" + c, base.withContextWeight(c));
        return m;
    }

    @Test
    void experiments() throws Exception {
        String which = System.getProperty("hmip.experiments");
        if (which == null) return;
        SampleCorpus corpus = SampleCorpus.get(EmbedText.valueOf(System.getProperty("hmip.experiments.embedText", "SECTION")));
        JudgedSet judged;
        try (InputStream in = getClass().getResourceAsStream("/judged/queries.json")) {
            judged = JudgedSet.read(in);
        }
        List<SearchRequest.Mode> modes = List.of(SearchRequest.Mode.HYBRID, SearchRequest.Mode.LEXICAL);
        StringBuilder out = new StringBuilder(String.format("%-22s %s%n", "tuning",
                "hybrid: own everyday abbrev recs all old-everyday | lexical: own everyday abbrev recs all"));
        for (var e : tunings().entrySet()) {
            if (!which.equals("all") && !List.of(which.split(";")).contains(e.getKey())) continue;
            try (PassageSearcher s = new PassageSearcher(corpus.index, Embedder.standard(), e.getValue())) {
                var perQuery = judged.run(s, modes);
                var sum = judged.summary(perQuery);
                double old = judged.queries().stream().filter(q -> q.id().compareTo("q12") >= 0 && q.id().compareTo("q19") <= 0)
                        .mapToDouble(q -> perQuery.get(q.id()).get(SearchRequest.Mode.HYBRID).ndcg()).average().orElse(0);
                out.append(String.format("%-22s", e.getKey()));
                for (SearchRequest.Mode m : modes) {
                    for (String g : List.of("own", "everyday", "abbreviations", "recommendations", "all")) {
                        out.append(String.format(" %5.3f", JudgedSet.ndcg(sum, g, m)));
                    }
                    if (m == SearchRequest.Mode.HYBRID) out.append(String.format(" %5.3f |", old));
                }
                out.append('\n');
                if (Boolean.getBoolean("hmip.experiments.perQuery")) {
                    for (JudgedSet.Query q : judged.queries()) {
                        out.append(String.format("   %s %-60s %.3f%n", q.id(), q.query(),
                                perQuery.get(q.id()).get(SearchRequest.Mode.HYBRID).ndcg()));
                    }
                }
            }
        }
        System.out.println("\nRanking experiments (nDCG@10)\n" + out);
    }

    /** Prints the hybrid top 10 of some queries (-Dhmip.explain=q14,q34) under a tuning (-Dhmip.explain.tuning). */
    @Test
    void explain() throws Exception {
        String which = System.getProperty("hmip.explain");
        if (which == null) return;
        SampleCorpus corpus = SampleCorpus.get();
        JudgedSet judged;
        try (InputStream in = getClass().getResourceAsStream("/judged/queries.json")) {
            judged = JudgedSet.read(in);
        }
        SearchTuning t = tunings().get(System.getProperty("hmip.explain.tuning", "default"));
        SearchRequest.Mode mode = SearchRequest.Mode.parse(System.getProperty("hmip.explain.mode", "hybrid"));
        try (PassageSearcher s = new PassageSearcher(corpus.index, Embedder.standard(), t)) {
            for (JudgedSet.Query q : judged.queries()) {
                if (!List.of(which.split(",")).contains(q.id())) continue;
                System.out.printf("%n### %s %s (%s)%n", q.id(), q.query(), QueryIntent.of(q.query()));
                System.out.println("    expansions: " + QueryExpansion.phrases(QueryExpansion.everyday(), q.query()));
                for (SearchHit h : s.search(SearchRequest.of(q.query()).withMode(mode).withLimit(10).withFacets(false)).hits()) {
                    int g = q.relevant().stream().filter(i -> JudgedSet.matches(h.passage(), i)).mapToInt(JudgedSet.Item::grade).max().orElse(0);
                    String text = h.passage().text().replaceAll("\\s+", " ");
                    System.out.printf("  %d %.3f %s [%s] %s%n", g, h.score(), h.passage().id(), h.passage().kind(),
                            text.substring(0, Math.min(130, text.length())));
                }
            }
        }
    }

    /** Recall at depth 10/30/100 of the hybrid ranking and the nDCG@10 an ideal reordering of the top 100 would reach (-Dhmip.depth). */
    @Test
    void depth() throws Exception {
        if (System.getProperty("hmip.depth") == null) return;
        SampleCorpus corpus = SampleCorpus.get();
        JudgedSet judged;
        try (InputStream in = getClass().getResourceAsStream("/judged/queries.json")) {
            judged = JudgedSet.read(in);
        }
        Map<String, double[]> byGroup = new LinkedHashMap<>();
        try (PassageSearcher s = new PassageSearcher(corpus.index, Embedder.standard(), SearchTuning.DEFAULT)) {
            for (JudgedSet.Query q : judged.queries()) {
                List<hmip.model.Passage> hits = s.search(SearchRequest.of(q.query()).withLimit(100).withFacets(false)).hits()
                        .stream().map(SearchHit::passage).toList();
                double[] r = new double[4];
                int k = 0;
                for (int depth : new int[] {10, 30, 100}) {
                    List<hmip.model.Passage> top = hits.subList(0, Math.min(depth, hits.size()));
                    long found = q.relevant().stream().filter(i -> top.stream().anyMatch(p -> JudgedSet.matches(p, i))).count();
                    r[k++] = found / (double) q.relevant().size();
                }
                // ideal order of the top 100: passages by the best grade they match
                List<hmip.model.Passage> ideal = new java.util.ArrayList<>(hits);
                ideal.sort((a, b) -> grade(q, b) - grade(q, a));
                r[3] = JudgedSet.score(q, ideal).ndcg();
                for (String g : List.of(q.group(), "all")) {
                    double[] acc = byGroup.computeIfAbsent(g, x -> new double[5]);
                    for (int i = 0; i < 4; i++) acc[i] += r[i];
                    acc[4]++;
                }
            }
        }
        System.out.println("\ngroup            recall@10 recall@30 recall@100 ideal-nDCG@10(top100)");
        byGroup.forEach((g, a) -> System.out.printf("%-16s %9.3f %9.3f %10.3f %10.3f%n", g, a[0] / a[4], a[1] / a[4], a[2] / a[4], a[3] / a[4]));
    }

    private static int grade(JudgedSet.Query q, hmip.model.Passage p) {
        return q.relevant().stream().filter(i -> JudgedSet.matches(p, i)).mapToInt(JudgedSet.Item::grade).max().orElse(0);
    }
}
