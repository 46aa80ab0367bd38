package hmip.app.bench;

import hmip.model.Passage;
import hmip.search.EmbedStep;
import hmip.search.Embedder;
import hmip.search.PassageIndex;
import hmip.search.PassageSearcher;
import hmip.search.QuerySyntaxException;
import hmip.search.SearchRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Search latency on a synthetic index: passages made by recombining sentences of the sample corpus
 * (fixed seed, so every run indexes the same text), written through {@link PassageIndex} like ingest
 * does, with vectors, then a fixed query list timed through {@link PassageSearcher#search} (query
 * understanding, query embedding, ranking, fusion, stored fields and highlighting included; facets off),
 * lexical and hybrid, after a warm-up.
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
            "PDU head", "recommendations", "resettlement", "partnership working",
            // everyday wording and "who should act" (expansions and the recommendation intent)
            "homes for people coming out of jail", "how much time probation employees take off ill",
            "probation officers with too many cases", "recommendations to HMPPS on ViSOR",
            "what should the region do about domestic abuse checks");

    /** Timings of one ranking mode. */
    public record Timing(double p50, double p95, double p99, double mean, double max) {}

    /** The index and the timings of lexical and hybrid search over it. */
    public record Result(int passages, double buildSeconds, int sentencesEmbedded, double embedSeconds, int queries,
                         Timing lexical, Timing hybrid) {}

    /** How an index build went: seconds in all, and the sentences embedded for its vectors (and their seconds). */
    public record Build(double seconds, int sentencesEmbedded, double embedSeconds) {}

    private SearchBench() {}

    /**
     * Writes {@code passages} synthetic passages, {@code perDoc} to a document, from {@code sentences}. With an
     * embedder, each passage also gets a vector: the normalised sum of its sentences' vectors (every distinct
     * sentence embedded once), a stand-in with the same shape as a passage vector, because embedding 100,000
     * passages would take minutes on 2 cores and the timing measured here is the search's.
     */
    public static Build buildIndex(Path dir, List<String> sentences, int passages, int perDoc, Embedder embedder)
            throws IOException {
        if (sentences.isEmpty()) throw new IOException("no sentences to build the search index from");
        String[] regions = {"North West", "Greater Manchester", "London", "Wales", "South West", "Yorkshire"};
        String[] types = {"pdu_inspection", "regional_letter", "thematic", "nps_division_inspection"};
        Random rnd = new Random(20261122L);
        long t0 = System.nanoTime();
        // which sentences make each passage (the same every run)
        int[][] plan = new int[passages][];
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < passages; i++) {
            int n = 1 + rnd.nextInt(4);
            plan[i] = new int[n];
            for (int s = 0; s < n; s++) {
                plan[i][s] = rnd.nextInt(sentences.size());
                used.add(plan[i][s]);
            }
        }
        Map<String, float[]> vectorOf = new HashMap<>();
        double embedSeconds = 0;
        if (embedder != null) {
            long te = System.nanoTime();
            List<String> distinct = used.stream().map(sentences::get).distinct().toList();
            EmbedStep.embedInChunks(embedder, distinct, (texts, vectors) -> {
                for (int i = 0; i < texts.size(); i++) vectorOf.put(texts.get(i), vectors.get(i));
            });
            embedSeconds = (System.nanoTime() - te) / 1e9;
        }
        try (PassageIndex index = new PassageIndex(dir)) {
            int written = 0;
            for (int doc = 0; written < passages; doc++) {
                String docId = String.format("syn%06d", doc);
                String year = String.valueOf(2018 + doc % 7);
                String region = regions[doc % regions.length];
                String type = types[doc % types.length];
                for (int i = 0; i < perDoc && written < passages; i++, written++) {
                    StringBuilder text = new StringBuilder();
                    float[] sum = embedder == null ? null : new float[embedder.dimension()];
                    for (int s : plan[written]) {
                        if (text.length() > 0) text.append(' ');
                        text.append(sentences.get(s));
                        if (sum != null) {
                            float[] v = vectorOf.get(sentences.get(s));
                            for (int d = 0; d < sum.length; d++) sum[d] += v[d];
                        }
                    }
                    index.add(new Passage(docId + "#p" + (i / 10 + 1) + "b" + i, docId, i / 10 + 1, 0, text.length(),
                            "paragraph", text.toString(), "Synthetic report " + doc, type, region, year, null),
                            sum == null ? null : normalise(sum));
                }
            }
            index.commit();
        }
        return new Build((System.nanoTime() - t0) / 1e9, vectorOf.size(), embedSeconds);
    }

    private static float[] normalise(float[] v) {
        double n = 0;
        for (float x : v) n += x * x;
        n = Math.sqrt(n);
        for (int i = 0; i < v.length; i++) v[i] = (float) (v[i] / n);
        return v;
    }

    /** Runs the query list {@code warmups} times untimed, then {@code rounds} times timed, lexical then hybrid. */
    public static Result measure(Path dir, Build build, int warmups, int rounds, int limit) throws IOException {
        try (PassageSearcher searcher = new PassageSearcher(dir)) {
            Timing lexical = time(searcher, SearchRequest.Mode.LEXICAL, warmups, rounds, limit);
            Timing hybrid = searcher.vectorCount() == 0 ? null : time(searcher, SearchRequest.Mode.HYBRID, warmups, rounds, limit);
            return new Result(searcher.passageCount(), build.seconds(), build.sentencesEmbedded(), build.embedSeconds(),
                    rounds * QUERIES.size(), lexical, hybrid);
        }
    }

    private static Timing time(PassageSearcher searcher, SearchRequest.Mode mode, int warmups, int rounds, int limit)
            throws IOException {
        for (int w = 0; w < warmups; w++) {
            for (String q : QUERIES) search(searcher, q, mode, limit);
        }
        double[] ms = new double[rounds * QUERIES.size()];
        int k = 0;
        for (int r = 0; r < rounds; r++) {
            for (String q : QUERIES) {
                long t = System.nanoTime();
                search(searcher, q, mode, limit);
                ms[k++] = (System.nanoTime() - t) / 1e6;
            }
        }
        Arrays.sort(ms);
        double sum = 0;
        for (double v : ms) sum += v;
        return new Timing(percentile(ms, 50), percentile(ms, 95), percentile(ms, 99), sum / ms.length, ms[ms.length - 1]);
    }

    private static void search(PassageSearcher searcher, String q, SearchRequest.Mode mode, int limit) throws IOException {
        try {
            searcher.search(SearchRequest.of(q).withMode(mode).withLimit(limit).withFacets(false));
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
