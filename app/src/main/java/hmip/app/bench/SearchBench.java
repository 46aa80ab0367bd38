package hmip.app.bench;

import hmip.model.Passage;
import hmip.search.PassageIndex;
import hmip.search.PassageSearcher;
import hmip.search.QuerySyntaxException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Search latency on a synthetic index: passages made by recombining sentences of the sample corpus
 * (fixed seed, so every run indexes the same text), written through {@link PassageIndex} like ingest
 * does, then a fixed query list timed through {@link PassageSearcher#search} (ranking, stored fields
 * and highlighting included) after a warm-up.
 */
public final class SearchBench {
    /** The fixed query list: themes a researcher searches for, plain words, phrases and operators. */
    public static final List<String> QUERIES = List.of(
            "domestic abuse", "management oversight", "unpaid work", "risk of harm", "safeguarding children",
            "caseloads", "staff training", "court reports", "victim contact", "sentence plan",
            "accommodation", "leadership", "recruitment and retention", "quality of assessment",
            "\"home visits\"", "MAPPA", "accredited programmes", "probation practitioners",
            "professional curiosity", "information sharing", "workload", "enforcement", "diversity",
            "substance misuse", "\"risk of serious harm\"", "interventions AND women",
            "PDU head", "recommendations", "resettlement", "partnership working");

    public record Result(int passages, double buildSeconds, int queries, double p50, double p95, double p99,
                         double mean, double max) {}

    private SearchBench() {}

    /** Writes {@code passages} synthetic passages, {@code perDoc} to a document, from {@code sentences}. */
    public static double buildIndex(Path dir, List<String> sentences, int passages, int perDoc) throws IOException {
        if (sentences.isEmpty()) throw new IOException("no sentences to build the search index from");
        String[] regions = {"North West", "Greater Manchester", "London", "Wales", "South West", "Yorkshire"};
        String[] types = {"pdu_inspection", "regional_letter", "thematic", "nps_division_inspection"};
        Random rnd = new Random(20261122L);
        long t0 = System.nanoTime();
        try (PassageIndex index = new PassageIndex(dir)) {
            int written = 0;
            for (int doc = 0; written < passages; doc++) {
                String docId = String.format("syn%06d", doc);
                String year = String.valueOf(2018 + doc % 7);
                String region = regions[doc % regions.length];
                String type = types[doc % types.length];
                List<Passage> batch = new ArrayList<>(perDoc);
                for (int i = 0; i < perDoc && written < passages; i++, written++) {
                    int n = 1 + rnd.nextInt(4);
                    StringBuilder text = new StringBuilder();
                    for (int s = 0; s < n; s++) {
                        if (s > 0) text.append(' ');
                        text.append(sentences.get(rnd.nextInt(sentences.size())));
                    }
                    batch.add(new Passage(docId + "#p" + (i / 10 + 1) + "b" + i, docId, i / 10 + 1, 0, text.length(),
                            "paragraph", text.toString(), "Synthetic report " + doc, type, region, year, null));
                }
                index.replaceDocument(docId, batch);
            }
            index.commit();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Runs the query list {@code warmups} times untimed, then {@code rounds} times timed. */
    public static Result measure(Path dir, double buildSeconds, int warmups, int rounds, int limit)
            throws IOException {
        try (PassageSearcher searcher = new PassageSearcher(dir)) {
            for (int w = 0; w < warmups; w++) {
                for (String q : QUERIES) search(searcher, q, limit);
            }
            double[] ms = new double[rounds * QUERIES.size()];
            int k = 0;
            for (int r = 0; r < rounds; r++) {
                for (String q : QUERIES) {
                    long t = System.nanoTime();
                    search(searcher, q, limit);
                    ms[k++] = (System.nanoTime() - t) / 1e6;
                }
            }
            Arrays.sort(ms);
            double sum = 0;
            for (double v : ms) sum += v;
            return new Result(searcher.passageCount(), buildSeconds, ms.length, percentile(ms, 50), percentile(ms, 95),
                    percentile(ms, 99), sum / ms.length, ms[ms.length - 1]);
        }
    }

    private static void search(PassageSearcher searcher, String q, int limit) throws IOException {
        try {
            searcher.search(q, limit);
        } catch (QuerySyntaxException e) {
            throw new IllegalStateException("benchmark query does not parse: " + q, e);
        }
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }
}
