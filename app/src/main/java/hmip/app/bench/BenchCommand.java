package hmip.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import hmip.model.Block;
import hmip.model.BlockKind;
import hmip.pipeline.Pipeline;
import hmip.pipeline.PipelineResult;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hmip bench}: builds a scaled corpus from the sample PDFs in a temporary folder and measures,
 * on those same files in one run: the real ingest in a child JVM (JVM start included) with time per
 * stage, peers ({@code pdftotext}, PDFBox's plain text stripper, Tika) on the same number of threads,
 * memory, a warm re-ingest, and search latency on a synthetic 100,000-passage index. Prints a table
 * (or one JSON object with {@code --json}) and saves the JSON under {@code var/bench/}.
 */
@Command(name = "bench", description = "Benchmark the pipeline against pdftotext, PDFBox and Tika on a scaled corpus.")
public final class BenchCommand implements Callable<Integer> {
    /** Done-when thresholds of the benchmark issue. */
    static final double MAX_RATIO_PDFBOX = 1.5, MAX_RATIO_PDFTOTEXT = 6.0, MAX_PEAK_HEAP_BYTES = 1L << 30,
            MAX_HEAP_GROWTH = 0.20, MAX_SEARCH_P95_MS = 20.0, MAX_HYBRID_P95_MS = 60.0, MAX_TOTAL_SECONDS = 600,
            MIN_EMBED_PASSAGES_PER_SECOND = 250;

    @Option(names = "--json", description = "print the results as one JSON object on standard output")
    boolean json;

    @Option(names = "--docs", description = "documents in the scaled corpus (default: ${DEFAULT-VALUE}; fewer for a quick run)")
    int docs = 500;

    @Option(names = "--passages", description = "passages in the synthetic search index (default: ${DEFAULT-VALUE})")
    int passages = 100_000;

    @Option(names = "--threads", description = "threads for the pipeline and every peer (default: number of cores)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--samples", description = "folder of sample PDFs (default: data/reports)")
    Path samples;

    @Option(names = "--work", description = "folder for corpus, warehouse and index (default: a new temporary folder, deleted after)")
    Path work;

    @Option(names = "--keep", description = "keep the temporary folder")
    boolean keep;

    @Option(names = "--results", description = "folder the JSON results are saved in (default: var/bench)")
    Path results;

    @Option(names = "--ingest-jvm-opts", description = "JVM options of the ingest child (default: this JVM's -X/-XX options, i.e. those ./hmip gives ingest)")
    String ingestJvmOpts;

    @Option(names = "--skip-peers", hidden = true, description = "skip the peers (tests)")
    boolean skipPeers;

    @Option(names = "--skip-judged", hidden = true, description = "skip the judged query set (tests)")
    boolean skipJudged;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        PrintStream log = System.err;
        Path home = Path.of(System.getProperty("hmip.home", "")).toAbsolutePath();
        Path sampleDir = samples != null ? samples : home.resolve("data/reports");
        List<Path> sampleFiles = listPdfs(sampleDir);
        if (sampleFiles.isEmpty()) {
            log.println("bench: no sample PDFs in " + sampleDir);
            return 2;
        }
        boolean temporary = work == null;
        Path dir = temporary ? Files.createTempDirectory("hmip-bench-") : Files.createDirectories(work);
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            out.put("timestamp", Instant.now().toString());
            out.put("machine", machine());
            log.printf("bench: building corpus of %d documents in %s%n", docs, dir);
            long tc = System.nanoTime();
            CorpusBuilder.Corpus corpus = CorpusBuilder.build(sampleFiles, docs, dir.resolve("corpus"), threads);
            double buildSeconds = (System.nanoTime() - tc) / 1e9;
            out.put("corpus", Map.of("documents", corpus.files().size(), "pages", corpus.pages(),
                    "bytes", corpus.bytes(), "build_seconds", buildSeconds, "samples", sampleFiles.size()));

            log.println("bench: ingest (child JVM) ...");
            Path db = dir.resolve("bench.duckdb"), idx = dir.resolve("index");
            ChildRun cold = ingest(corpus, db, idx, dir.resolve("ingest-stats.json"));
            log.println("bench: warm re-ingest of the unchanged corpus ...");
            ChildRun warm = ingest(corpus, db, idx, dir.resolve("reingest-stats.json"));
            out.put("ingest", ingestJson(cold, corpus));
            out.put("stages", stagesJson(cold.stats, corpus.pages()));
            out.put("reingest", Map.of("seconds", warm.seconds, "cpu_seconds", warm.cpuSeconds, "unchanged", warm.stats.path("unchanged").asLong(),
                    "loaded", warm.stats.path("loaded").asLong()));
            out.put("memory", memoryJson(cold.stats));

            List<Map<String, Object>> peers = new ArrayList<>();
            if (!skipPeers) {
                for (String name : List.of("pdftotext", "pdfbox", "tika")) {
                    log.println("bench: peer " + name + " ...");
                    Peers.Result r = switch (name) {
                        case "pdftotext" -> Peers.pdftotext(corpus.files(), threads);
                        case "pdfbox" -> Peers.pdfbox(corpus.files(), threads);
                        default -> Peers.tika(corpus.files(), threads);
                    };
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("key", name);
                    p.put("name", r.name());
                    p.put("available", r.available());
                    if (r.available()) {
                        p.put("seconds", r.seconds());
                        p.put("cpu_seconds", r.cpuSeconds());
                        p.put("pages_per_second", corpus.pages() / r.seconds());
                        p.put("chars", r.chars());
                        p.put("failures", r.failures());
                        p.put("pipeline_ratio", cold.seconds / r.seconds());
                        p.put("pipeline_cpu_ratio", cold.cpuSeconds / r.cpuSeconds());
                    } else {
                        p.put("note", r.note());
                    }
                    peers.add(p);
                }
            }
            out.put("peers", peers);

            out.put("embedding", embeddingJson(sampleFiles));

            log.printf("bench: search index of %,d passages ...%n", passages);
            List<String> sentences = sentences(sampleFiles);
            Path searchDir = dir.resolve("search-index");
            SearchBench.Build build = SearchBench.buildIndex(searchDir, sentences, passages, 100, hmip.search.Embedder.standard());
            SearchBench.Result s = SearchBench.measure(searchDir, build, 3, 10, 10);
            Map<String, Object> search = new LinkedHashMap<>();
            search.put("passages", s.passages());
            search.put("index_build_seconds", s.buildSeconds());
            search.put("sentences_embedded", s.sentencesEmbedded());
            search.put("sentence_embedding_seconds", s.embedSeconds());
            search.put("queries_timed", s.queries());
            search.put("distinct_queries", SearchBench.QUERIES.size());
            search.put("p50_ms", s.lexical().p50());
            search.put("p95_ms", s.lexical().p95());
            search.put("p99_ms", s.lexical().p99());
            search.put("mean_ms", s.lexical().mean());
            search.put("max_ms", s.lexical().max());
            if (s.hybrid() != null) {
                search.put("hybrid_p50_ms", s.hybrid().p50());
                search.put("hybrid_p95_ms", s.hybrid().p95());
                search.put("hybrid_p99_ms", s.hybrid().p99());
                search.put("hybrid_mean_ms", s.hybrid().mean());
                search.put("hybrid_max_ms", s.hybrid().max());
            }
            out.put("search", search);
            if (!skipJudged) {
                log.println("bench: judged query set on the sample corpus ...");
                out.put("judged", JudgedBench.run(sampleDir, home, dir.resolve("judged")));
            }
        } finally {
            if (temporary && !keep) deleteTree(dir);
        }
        double total = (System.nanoTime() - t0) / 1e9;
        out.put("total_seconds", total);
        out.put("checks", checks(out));

        Path resultsDir = results != null ? results : home.resolve("var/bench");
        Files.createDirectories(resultsDir);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
        Path saved = resultsDir.resolve("bench-" + stamp + ".json");
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        mapper.writeValue(saved.toFile(), out);
        out.put("saved_to", saved.toString());
        if (json) {
            System.out.println(new ObjectMapper().writeValueAsString(out));
        } else {
            System.out.print(BenchReport.table(out));
            System.out.println("results saved to " + saved);
        }
        return 0;
    }

    // ---- the child ingest -------------------------------------------------------------------------

    record ChildRun(double seconds, double cpuSeconds, JsonNode stats) {}

    private ChildRun ingest(CorpusBuilder.Corpus corpus, Path db, Path idx, Path statsFile) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ingestJvmOptions());
        if (System.getProperty("hmip.home") != null) cmd.add("-Dhmip.home=" + System.getProperty("hmip.home"));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "hmip.app.Main", "ingest", "--quiet", "--no-embed",
                "--threads", String.valueOf(threads), "--db", db.toString(), "--index", idx.toString(),
                "--bench-stats", statsFile.toString(), corpus.dir().toString()));
        Path childLog = statsFile.resolveSibling(statsFile.getFileName() + ".log");
        long t = System.nanoTime();
        long c0 = CpuClock.childrenNanos();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(childLog.toFile()).start();
        int code = p.waitFor();
        double seconds = (System.nanoTime() - t) / 1e9;
        long c1 = CpuClock.childrenNanos();
        double cpu = c0 < 0 || c1 < 0 ? Double.NaN : (c1 - c0) / 1e9;
        if (code != 0 || !Files.exists(statsFile)) {
            throw new IOException("ingest child failed (exit " + code + "):\n"
                    + Files.readString(childLog, StandardCharsets.UTF_8));
        }
        return new ChildRun(seconds, cpu, new ObjectMapper().readTree(statsFile.toFile()));
    }

    /**
     * The ingest child gets this JVM's own -X / -XX options plus $HMIP_INGEST_JIT_OPTS: started by
     * {@code ./hmip bench}, together exactly what {@code ./hmip ingest} runs with (launcher defaults or
     * $HMIP_JAVA_OPTS). The peers run in this JVM, without the ingest-only JIT options.
     */
    private List<String> ingestJvmOptions() {
        if (ingestJvmOpts != null) {
            return ingestJvmOpts.isBlank() ? List.of() : Arrays.asList(ingestJvmOpts.trim().split("\\s+"));
        }
        List<String> opts = new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-X") && !a.startsWith("-Xrunjdwp") && !a.startsWith("-XX:StartFlightRecording")
                        && !a.startsWith("-XX:FlightRecorderOptions"))
                .toList());
        String jit = System.getenv("HMIP_INGEST_JIT_OPTS");
        if (jit != null && !jit.isBlank()) opts.addAll(Arrays.asList(jit.trim().split("\\s+")));
        return opts;
    }

    private Map<String, Object> ingestJson(ChildRun run, CorpusBuilder.Corpus corpus) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seconds", run.seconds);
        m.put("cpu_seconds", run.cpuSeconds);
        m.put("jvm_args", ingestJvmOptions());
        m.put("in_jvm_seconds", run.stats.path("ingest_seconds").asDouble());
        m.put("pages", run.stats.path("pages").asLong());
        m.put("documents", run.stats.path("loaded").asLong());
        m.put("failed", run.stats.path("failed").asLong());
        m.put("pages_per_second", corpus.pages() / run.seconds);
        m.put("threads", threads);
        return m;
    }

    /**
     * Pages per second for each stage. Worker stages run on {@code threads} threads, so their summed
     * thread time is divided by the thread count; load and index run on the single writer thread.
     */
    private Map<String, Object> stagesJson(JsonNode stats, long pages) {
        Map<String, Object> m = new LinkedHashMap<>();
        JsonNode stages = stats.path("stages");
        for (String s : List.of("read", "parse", "layout", "extract", "enrich", "load", "index")) {
            JsonNode st = stages.path(s);
            double threadSeconds = st.path("nanos").asLong() / 1e9;
            boolean writer = s.equals("load") || s.equals("index");
            double wall = writer ? threadSeconds : threadSeconds / Math.max(1, threads);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("thread_seconds", threadSeconds);
            e.put("cpu_seconds", st.path("cpu_nanos").asLong() / 1e9);
            e.put("threads", writer ? 1 : threads);
            e.put("calls", st.path("calls").asLong());
            if (st.path("calls").asLong() == 0) {
                e.put("pages_per_second", null);
                e.put("note", s.equals("enrich") ? "n/a: no enrich stage in the pipeline yet" : "not run");
            } else {
                e.put("pages_per_second", wall > 0 ? pages / wall : null);
            }
            m.put(s, e);
        }
        return m;
    }

    private static Map<String, Object> memoryJson(JsonNode stats) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("heap_max_bytes", stats.path("heap_max_bytes").asLong());
        m.put("peak_heap_used_bytes", stats.path("peak_heap_used_bytes").asLong());
        m.put("live_heap_bytes", stats.path("live_heap_bytes").asLong());
        m.put("peak_after_gc_heap_bytes", stats.path("peak_after_gc_heap_bytes").asLong());
        m.put("documents", stats.path("files").asLong());
        m.put("half_docs", stats.path("half_docs").asLong());
        m.put("live_heap_docs", stats.path("live_heap_docs").asLong());
        m.put("half_peak_heap_used_bytes", stats.path("half_peak_heap_used_bytes").asLong());
        m.put("half_live_heap_bytes", stats.path("half_live_heap_bytes").asLong());
        m.put("half_peak_after_gc_heap_bytes", stats.path("half_peak_after_gc_heap_bytes").asLong());
        m.put("peak_rss_bytes", stats.path("vm_hwm_bytes").asLong());
        m.put("gc_count", stats.path("gc_count").asLong());
        m.put("gc_millis", stats.path("gc_millis").asLong());
        return m;
    }

    static final int EMBED_PASSAGES = 512;
    static final int EMBED_ROUNDS = 3;

    private Map<String, Object> embeddingJson(List<Path> sampleFiles) {
        Map<String, Object> m = new LinkedHashMap<>();
        Optional<EmbeddingHook> hook = EmbeddingHook.find();
        if (hook.isEmpty()) {
            m.put("available", false);
            m.put("note", "n/a until the embedding step exists");
            return m;
        }
        try {
            // the samples' passages as ingest builds them, each with its context as the embedding step sees it
            List<String> texts = new ArrayList<>();
            for (PipelineResult.Processed d : read(sampleFiles)) {
                for (var p : hmip.enrich.Passages.of(d.document(), d.extraction())) texts.add(hmip.search.EmbedText.STANDARD.of(p));
            }
            hook.get().embed(texts.subList(texts.size() - Math.min(50, texts.size()), texts.size())); // warm-up
            // a few hundred passages measure the rate; all of the samples' ~1,100 would add a minute on a busy machine
            texts = texts.subList(0, Math.min(EMBED_PASSAGES, texts.size()));
            // one pass takes about two seconds, so whatever else the machine does moves it by a fifth; the
            // median of three passes is the figure, the fastest and slowest are kept beside it
            int n = 0;
            double[] seconds = new double[EMBED_ROUNDS];
            for (int round = 0; round < EMBED_ROUNDS; round++) {
                long t = System.nanoTime();
                n = hook.get().embed(texts);
                seconds[round] = (System.nanoTime() - t) / 1e9;
            }
            double[] sorted = seconds.clone();
            java.util.Arrays.sort(sorted);
            double s = sorted[EMBED_ROUNDS / 2];
            m.put("available", true);
            m.put("name", hook.get().name());
            m.put("passages", n);
            m.put("distinct_texts", new java.util.HashSet<>(texts).size());
            m.put("seconds", s);
            m.put("passages_per_second", n / s);
            m.put("rounds", EMBED_ROUNDS);
            m.put("passages_per_second_min", n / sorted[EMBED_ROUNDS - 1]);
            m.put("passages_per_second_max", n / sorted[0]);
        } catch (Exception e) {
            m.put("available", false);
            m.put("note", "embedding hook failed: " + e);
        }
        return m;
    }

    // ---- done-when checks --------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    static Map<String, Object> checks(Map<String, Object> out) {
        Map<String, Object> c = new LinkedHashMap<>();
        for (Map<String, Object> p : (List<Map<String, Object>>) out.getOrDefault("peers", List.of())) {
            Object ratio = p.get("pipeline_ratio");
            if (ratio == null) continue;
            double limit = "pdfbox".equals(p.get("key")) ? MAX_RATIO_PDFBOX : "pdftotext".equals(p.get("key")) ? MAX_RATIO_PDFTOTEXT : Double.NaN;
            if (!Double.isNaN(limit)) {
                c.put("ratio_vs_" + p.get("key") + "<=" + limit, ((Number) ratio).doubleValue() <= limit);
            }
        }
        Map<String, Object> mem = (Map<String, Object>) out.get("memory");
        if (mem != null) {
            long peak = ((Number) mem.get("peak_heap_used_bytes")).longValue();
            long halfPeak = ((Number) mem.get("half_peak_heap_used_bytes")).longValue();
            long half = ((Number) mem.get("half_live_heap_bytes")).longValue();
            long full = ((Number) mem.get("live_heap_bytes")).longValue();
            c.put("peak_heap<1GB", peak < MAX_PEAK_HEAP_BYTES);
            if (halfPeak > 0) c.put("peak_heap_growth_half_to_full<20%", peak < halfPeak * (1 + MAX_HEAP_GROWTH));
            if (half > 0) c.put("live_heap_growth_half_to_full<20%", full < half * (1 + MAX_HEAP_GROWTH));
        }
        Map<String, Object> search = (Map<String, Object>) out.get("search");
        if (search != null) {
            c.put("search_passages>=100000", ((Number) search.get("passages")).intValue() >= 100_000);
            c.put("search_p95<20ms", ((Number) search.get("p95_ms")).doubleValue() < MAX_SEARCH_P95_MS);
            if (search.get("hybrid_p95_ms") != null) {
                c.put("hybrid_search_p95<60ms", ((Number) search.get("hybrid_p95_ms")).doubleValue() < MAX_HYBRID_P95_MS);
            }
        }
        Map<String, Object> embedding = (Map<String, Object>) out.get("embedding");
        if (embedding != null && embedding.get("passages_per_second") != null) {
            c.put("embedding>=250_passages/s",
                    ((Number) embedding.get("passages_per_second")).doubleValue() >= MIN_EMBED_PASSAGES_PER_SECOND);
        }
        Map<String, Object> corpus = (Map<String, Object>) out.get("corpus");
        if (corpus != null) c.put("corpus>=500_docs", ((Number) corpus.get("documents")).intValue() >= 500);
        c.put("total<10min", ((Number) out.get("total_seconds")).doubleValue() < MAX_TOTAL_SECONDS);
        return c;
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("bench_jvm_args", ManagementFactory.getRuntimeMXBean().getInputArguments());
        return m;
    }

    /** The samples read by the same pipeline ingest runs (without enrichment). */
    private static List<PipelineResult.Processed> read(List<Path> files) throws IOException {
        Pipeline pipeline = Pipeline.standard().with(Pipeline.Options.defaults().withEnrich(false));
        List<PipelineResult.Processed> docs = new ArrayList<>();
        for (Path f : files) {
            PipelineResult r = pipeline.process(f);
            if (!(r instanceof PipelineResult.Processed p)) throw new IOException("cannot read sample " + f + ": " + r);
            docs.add(p);
        }
        return docs;
    }

    /** Sentences of the samples' body blocks (paragraphs, list items), the material of the search index. */
    static List<String> sentences(List<Path> sampleFiles) throws IOException {
        List<String> out = new ArrayList<>();
        for (PipelineResult.Processed read : read(sampleFiles)) {
            for (Block b : read.document().blocks()) {
                if (b.kind() != BlockKind.PARAGRAPH && b.kind() != BlockKind.LIST_ITEM) continue;
                for (String s : b.text().split("(?<=[.!?])\\s+")) {
                    String t = s.strip();
                    if (t.length() >= 20) out.add(t);
                }
            }
        }
        return out;
    }

    static List<Path> listPdfs(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")).sorted().toList();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
