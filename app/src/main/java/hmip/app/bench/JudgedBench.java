package hmip.app.bench;

import hmip.app.IngestJob;
import hmip.search.JudgedSet;
import hmip.search.PassageSearcher;
import hmip.search.SearchRequest;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The judged query set's line of {@code hmip bench}: the sample documents ingested as `hmip ingest` does
 * (embedding included) into a scratch warehouse and index, then every judged query in each ranking mode,
 * nDCG@10 and recall@10 per group: the same figures the judged-set test checks.
 */
final class JudgedBench {
    /** The judged set, as kept in the source tree (a test resource of the index module). */
    static final String QUERIES = "index/src/test/resources/judged/queries.json";

    private JudgedBench() {}

    static Map<String, Object> run(Path samples, Path home, Path work) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        Path file = home.resolve(QUERIES);
        if (!Files.isRegularFile(file)) {
            m.put("available", false);
            m.put("note", "no judged set at " + file + " (run from a source checkout)");
            return m;
        }
        Files.createDirectories(work);
        Path db = work.resolve("judged.duckdb"), index = work.resolve("index");
        IngestJob.Options options = new IngestJob.Options(List.of(samples), db, index, 2,
                hmip.parse.ParseLimits.DEFAULT, false);
        new IngestJob(options, hmip.pipeline.Pipeline.standard()).embedAfterwards(true)
                .run(new IngestJob.Listener() {
                    @Override public void started(int files) { }

                    @Override public void finished(hmip.app.FileOutcome outcome) { }
                });
        JudgedSet judged;
        try (InputStream in = Files.newInputStream(file)) {
            judged = JudgedSet.read(in);
        }
        try (PassageSearcher searcher = new PassageSearcher(index)) {
            var summary = judged.summary(judged.run(searcher, List.of(SearchRequest.Mode.values())));
            Map<String, Object> groups = new LinkedHashMap<>();
            for (JudgedSet.GroupScore g : summary) {
                @SuppressWarnings("unchecked")
                Map<String, Object> group = (Map<String, Object>) groups.computeIfAbsent(g.group(), k -> new LinkedHashMap<>());
                group.put("queries", g.queries());
                group.put(g.mode().name().toLowerCase(java.util.Locale.ROOT), Map.of("ndcg_at_10", g.ndcg(), "recall_at_10", g.recall()));
            }
            m.put("available", true);
            m.put("queries", judged.queries().size());
            m.put("groups", groups);
            m.put("table", JudgedSet.table(summary));
        }
        return m;
    }
}
