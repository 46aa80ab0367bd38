package hmip.app;

import hmip.enrich.EnrichmentStore;
import hmip.enrich.PassageEnrichment;
import hmip.fetch.SourceManifest;
import hmip.load.Corrections;
import hmip.load.FindingStore;
import hmip.load.KnownFile;
import hmip.load.Transactions;
import hmip.load.Warehouse;
import hmip.load.WarehouseBusyException;
import hmip.model.Passage;
import hmip.parse.Deadline;
import hmip.parse.ParseException;
import hmip.parse.ParseFailure;
import hmip.parse.ParseLimits;
import hmip.parse.SourceFile;
import hmip.pipeline.Pipeline;
import hmip.pipeline.PipelineResult;
import hmip.pipeline.StageTimer;
import hmip.search.EmbedStep;
import hmip.search.EmbedText;
import hmip.search.Embedder;
import hmip.search.PassageIndex;
import hmip.validate.WarehouseDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * Runs the {@link Pipeline} over a batch of files and loads what it reads. The pipeline (parse, layout,
 * extraction, validation, status, enrichment) runs on worker threads (documents are independent); one
 * writer thread — the caller's — owns the warehouse and the index, so each document is written in one
 * warehouse transaction and then indexed. At most {@code threads} documents are in flight, which bounds
 * memory however large the batch.
 *
 * <p>Each file runs under a {@link Deadline} of {@code --timeout}; the writer thread doubles as a
 * watchdog that cancels late workers and abandons those that do not stop (see {@link #watchdog}), so
 * one bad file costs at most its time limit and never blocks the batch. Every file ends as LOADED,
 * UNCHANGED or FAILED with a {@link ParseFailure} code; see {@code docs/robustness.md}.
 */
public final class IngestJob {
    /** How the job is configured: where to read and write, how many threads, which limits. */
    public record Options(List<Path> inputs, Path db, Path index, int threads, ParseLimits limits, boolean force,
                          Duration lockWait, Path corrections) {
        public Options(List<Path> inputs, Path db, Path index, int threads, ParseLimits limits, boolean force) {
            this(inputs, db, index, threads, limits, force, Duration.ZERO, null);
        }

        public Options(List<Path> inputs, Path db, Path index, int threads, ParseLimits limits, boolean force,
                       Duration lockWait) {
            this(inputs, db, index, threads, limits, force, lockWait, null);
        }
    }

    /** Called as files finish, for progress display. */
    public interface Listener {
        void started(int files);

        void finished(FileOutcome outcome);
    }

    /** Documents between index commits (then flagged indexed); {@code -Dhmip.indexCommitEvery} for tests. */
    private static final int INDEX_COMMIT_EVERY = Math.max(1, Integer.getInteger("hmip.indexCommitEvery", 32));
    /** Error code of a document the warehouse or index refused (not a parse failure). */
    static final String LOAD_ERROR = "LOAD_ERROR";

    private final Options options;
    private final Pipeline pipeline;
    /** Source URL, landing page and retrieval time of files `hmip fetch` downloaded (its manifest.csv). */
    private final SourceManifest sources = new SourceManifest();
    private StageTimer timer = StageTimer.NONE;

    private boolean embed;
    private EmbedStep.Progress embedProgress;
    private EmbedStep.Summary embedding;

    /** A job running {@code pipeline} (its limits replaced by the options' limits) over the options' inputs. */
    public IngestJob(Options options, Pipeline pipeline) {
        this.options = options;
        this.pipeline = pipeline.with(pipeline.options().withLimits(options.limits()).withEnrich(true));
    }

    /** Also run the embedding step (vectors for hybrid search) at the end of the run. */
    public IngestJob embedAfterwards(boolean on) {
        return embedAfterwards(on, null);
    }

    /** As {@link #embedAfterwards(boolean)}, reporting the step's progress. */
    public IngestJob embedAfterwards(boolean on, EmbedStep.Progress progress) {
        this.embed = on;
        this.embedProgress = progress;
        return this;
    }

    /** What the embedding step did in the last run (null when it did not run). */
    public EmbedStep.Summary embedding() { return embedding; }

    /** Times each stage into {@code timer} (used by {@code hmip bench}); off by default. */
    public IngestJob timer(StageTimer timer) {
        this.timer = timer == null ? StageTimer.NONE : timer;
        return this;
    }

    public IngestSummary run(Listener listener) throws IOException, SQLException {
        long t0 = System.nanoTime();
        List<Path> files = listFiles(options.inputs());
        listener.started(files.size());
        List<FileOutcome> outcomes = new ArrayList<>();
        long pages = 0;
        try (Warehouse wh = Warehouse.open(options.db(), options.lockWait());
             PassageIndex index = openIndex(options.index())) {
            IndexAgreement.repair(wh, index, options.index());
            int runId = wh.startRun(String.join(" ", options.inputs().stream().map(Path::toString).toList()));
            List<String> pendingIndexed = new ArrayList<>();
            // without cached vectors there is nothing to look up per passage (and no text hash to compute)
            boolean vectorsCached = new EnrichmentStore(wh.connection()).vectorCount() > 0;
            ExecutorService pool = Executors.newCachedThreadPool(IngestJob::workerThread);
            try {
                BlockingQueue<Done> done = new LinkedBlockingQueue<>();
                List<Task> running = new ArrayList<>();
                int next = 0, maxRunning = Math.max(1, options.threads());
                Set<String> idsThisRun = new HashSet<>();
                // one query for all known files instead of one per input file (warm re-ingest profile)
                Map<String, KnownFile> known = wh.knownFiles();
                while (next < files.size() || !running.isEmpty()) {
                    while (next < files.size() && running.size() < maxRunning) {
                        Path file = files.get(next++);
                        String docId = uniqueDocId(file, idsThisRun);
                        KnownFile before = known.get(docId);
                        Task task = new Task(file, docId, System.nanoTime());
                        running.add(task);
                        pool.execute(() -> done.add(new Done(task, process(task, before))));
                    }
                    List<Done> arrived = new ArrayList<>();
                    Done first = poll(done, nextWatchdogWait(running));
                    if (first != null) arrived.add(first);
                    done.drainTo(arrived);
                    List<Done> ready = new ArrayList<>();
                    for (Done d : arrived) {
                        // A result from a task the watchdog already gave up on is dropped: its TIMEOUT stands.
                        if (running.remove(d.task())) ready.add(d);
                    }
                    for (Task late : watchdog(running)) ready.add(new Done(late, timedOut(late)));
                    for (Done d : ready) {
                        FileOutcome outcome = write(d.result(), known.get(d.result().docId()), wh, index, runId,
                                pendingIndexed, vectorsCached);
                        if (pendingIndexed.size() >= INDEX_COMMIT_EVERY) commitIndex(wh, index, pendingIndexed, timer);
                        pages += outcome.status() == FileOutcome.Status.LOADED ? outcome.pages() : 0;
                        outcomes.add(outcome);
                        listener.finished(outcome);
                    }
                }
                commitIndex(wh, index, pendingIndexed, timer);
            } finally {
                pool.shutdownNow();
            }
            EnrichmentStore store = new EnrichmentStore(wh.connection());
            // corpus-wide, so skipped when nothing changed (a warm re-run must be near-instant), unless an
            // earlier run stopped before it
            boolean changed = outcomes.stream().anyMatch(o -> o.status() != FileOutcome.Status.UNCHANGED);
            if (changed || !store.recommendationClustersCurrent()) store.rebuildRecommendationClusters();
            if (embed) embedding = EmbedStep.run(index, store, Embedder.standard(), embedProgress);
            List<Corrections.Outcome> corrected = applyCorrections(wh);
            double seconds = (System.nanoTime() - t0) / 1e9;
            IngestSummary summary = new IngestSummary(runId, outcomes, pages, seconds, corrected);
            wh.finishRun(runId, (int) summary.count(FileOutcome.Status.LOADED),
                    (int) summary.count(FileOutcome.Status.FAILED), (int) summary.count(FileOutcome.Status.UNCHANGED),
                    pages, seconds);
            return summary;
        }
    }

    /**
     * Puts the analysts' corrections into effect over the whole warehouse (also for documents this run left
     * unchanged), then checks each corrected document again from its stored rows, so its findings judge the
     * values in use.
     */
    private List<Corrections.Outcome> applyCorrections(Warehouse wh) throws SQLException {
        List<Corrections.Outcome> outcomes = wh.applyCorrections(Corrections.read(options.corrections()));
        Set<String> corrected = new java.util.TreeSet<>();
        for (Corrections.Outcome o : outcomes) if (o.applied()) corrected.add(o.docId());
        for (String docId : corrected) {
            var validation = pipeline.validator().validate(WarehouseDocuments.load(wh.connection(), docId));
            Transactions.run(wh.connection(), () -> FindingStore.writeDocument(wh.connection(), validation));
        }
        return outcomes;
    }

    /** How long a worker may run past its deadline before the watchdog gives up on it. */
    static final long GRACE_MILLIS = 2_000;

    /** One file on its way through a worker; the watchdog's view of it. */
    private static final class Task {
        final Path file;
        final String docId;
        final long startNanos;
        volatile Deadline deadline;
        volatile boolean cancelRequested;

        Task(Path file, String docId, long startNanos) {
            this.file = file;
            this.docId = docId;
            this.startNanos = startNanos;
        }

        long elapsedMillis() { return (System.nanoTime() - startNanos) / 1_000_000L; }
    }

    /** A worker's result, with the task it came from. */
    private record Done(Task task, PipelineResult result) {}

    /**
     * Cancels workers past their time limit (they stop at their next {@link Deadline#check}) and gives up
     * on those still running after {@link #GRACE_MILLIS}: they are removed from the running set, so a
     * new worker thread takes their slot and the batch goes on, and their file is recorded as TIMEOUT.
     * The abandoned thread (a daemon) is left to finish or to die with the JVM; PDFBox and Tika ignore
     * interrupts, and {@code Thread.stop} is unsafe, so there is no way to kill it in-process.
     */
    private List<Task> watchdog(List<Task> running) {
        long timeout = options.limits().timeoutMillis();
        List<Task> late = new ArrayList<>();
        for (Task t : running) {
            long elapsed = t.elapsedMillis();
            if (elapsed > timeout && !t.cancelRequested) {
                t.cancelRequested = true;
                Deadline d = t.deadline;
                if (d != null) d.cancel();
            }
            if (elapsed > timeout + GRACE_MILLIS) late.add(t);
        }
        running.removeAll(late);
        return late;
    }

    private long nextWatchdogWait(List<Task> running) {
        long timeout = options.limits().timeoutMillis(), wait = 1_000;
        for (Task t : running) {
            long left = (t.cancelRequested ? timeout + GRACE_MILLIS : timeout) - t.elapsedMillis();
            wait = Math.min(wait, left);
        }
        return Math.max(10, wait);
    }

    private PipelineResult timedOut(Task t) {
        SourceFile source = null;
        try {
            source = SourceFile.read(t.file, options.limits());
        } catch (ParseException | RuntimeException e) {
            // the record keeps no hash; the file is retried next time
        }
        return new PipelineResult.Failed(t.file, t.docId, source, ParseFailure.TIMEOUT.name(),
                ParseFailure.TIMEOUT.description() + ": still running after " + t.elapsedMillis()
                        + " ms (limit " + options.limits().timeoutMillis() + " ms); worker abandoned");
    }

    private static Done poll(BlockingQueue<Done> done, long millis) throws IOException {
        try {
            return done.poll(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("ingest interrupted", e);
        }
    }

    private static final AtomicInteger WORKERS = new AtomicInteger();

    /** Daemon workers (an abandoned one must not keep the JVM alive) with room for deeply nested PDFs. */
    private static Thread workerThread(Runnable r) {
        Thread t = new Thread(null, r, "hmip-worker-" + WORKERS.incrementAndGet(), 16L * 1024 * 1024);
        t.setDaemon(true);
        return t;
    }

    /** The index writer, or a clear message when another process holds the index's lock. */
    private static PassageIndex openIndex(Path dir) throws IOException {
        try {
            return new PassageIndex(dir);
        } catch (LockObtainFailedException e) {
            throw new WarehouseBusyException("index " + dir + " is in use by another process (another ingest is "
                    + "running?); try again when it has finished", e);
        }
    }

    /** The worker half: the pipeline, under the file's time limit, skipping bytes already read to a final answer. */
    private PipelineResult process(Task task, KnownFile before) {
        return pipeline.process(new Pipeline.Job(task.file, task.docId,
                source -> !options.force() && unchanged(before, source),
                deadline -> {
                    task.deadline = deadline;
                    if (task.cancelRequested) deadline.cancel();
                }, timer));
    }

    /**
     * Whether the warehouse already holds the final word on these bytes: loaded and indexed, or failed for
     * a reason a rerun cannot change (a failure that a password, higher limits or tesseract might fix
     * is tried again).
     */
    private static boolean unchanged(KnownFile before, SourceFile source) {
        if (before == null || !before.sha256().equals(source.sha256()) || !before.indexed()) return false;
        if ("ok".equals(before.status())) return true;
        if (!"failed".equals(before.status())) return false;
        // LAYOUT_ERROR, INTERNAL_ERROR, LOAD_ERROR: the code that failed may have been fixed since, so they are retried
        ParseFailure code = failureCode(before.errorCode());
        return code != null && !code.retryable();
    }

    private static ParseFailure failureCode(String name) {
        if (name == null) return null;
        try {
            return ParseFailure.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private FileOutcome write(PipelineResult result, KnownFile before, Warehouse wh, PassageIndex index, int runId,
                              List<String> pendingIndexed, boolean vectorsCached) throws SQLException, IOException {
        if (result instanceof PipelineResult.Processed p) return load(p, wh, index, runId, pendingIndexed, vectorsCached);
        if (result instanceof PipelineResult.Failed f) {
            return recordFailure(f.file(), f.docId(), f.source(), f.code(), f.message(), wh, index, runId, pendingIndexed);
        }
        // Unchanged: a file that failed before keeps its code and message, so every run says what happened to every file
        return "failed".equals(before.status())
                ? new FileOutcome(result.file(), result.docId(), FileOutcome.Status.UNCHANGED, before.errorCode(), before.error(), 0)
                : new FileOutcome(result.file(), result.docId(), FileOutcome.Status.UNCHANGED, null, "unchanged", 0);
    }

    private FileOutcome load(PipelineResult.Processed p, Warehouse wh, PassageIndex index, int runId,
                             List<String> pendingIndexed, boolean vectorsCached) throws SQLException, IOException {
        try {
            PassageEnrichment.Result enriched = p.enrichment();
            List<Passage> passages = enriched.passages();
            EnrichmentStore store = new EnrichmentStore(wh.connection());
            long t = timer.start();
            // themes, facts and the passage count commit with the document's rows or not at all
            wh.storeDocument(p.document(), p.extraction(), p.validation(), p.status(), p.source().bytes().length, runId, () -> {
                store.append(enriched.themes(), enriched.facts()); // storeDocument deleted any earlier rows
                wh.recordPassages(p.docId(), passages.size());
                recordSource(wh, p.file(), p.docId());
            });
            t = timer.lap(StageTimer.Stage.LOAD, t);
            // vectors already cached for identical text are reused; `hmip embed` adds the rest
            Map<String, float[]> cached = !vectorsCached ? Map.of()
                    : store.vectors(passages.stream().map(EmbedText::sha).toList(), Embedder.standard().model());
            index.replaceDocument(p.docId(), passages, cached::get);
            timer.lap(StageTimer.Stage.INDEX, t);
        } catch (SQLException | RuntimeException e) {
            // This document's transaction rolled back; record it and go on. If the warehouse itself is
            // broken, recording the failure throws too and ends the run.
            return recordFailure(p.file(), p.docId(), p.source(), LOAD_ERROR, "could not be stored: " + e, wh, index,
                    runId, pendingIndexed);
        }
        pendingIndexed.add(p.docId());
        return new FileOutcome(p.file(), p.docId(), FileOutcome.Status.LOADED, null, null,
                p.document().pages().size(), p.status());
    }

    private FileOutcome recordFailure(Path file, String docId, SourceFile s, String code, String error, Warehouse wh,
                                      PassageIndex index, int runId, List<String> pendingIndexed)
            throws SQLException, IOException {
        wh.storeFailure(docId, file.toString(), s == null ? "" : s.sha256(), s == null ? null : s.mediaType(),
                s == null ? 0 : s.bytes().length, code, error, runId);
        recordSource(wh, file, docId);
        index.deleteDocument(docId);
        pendingIndexed.add(docId); // flagged once the deletion of any earlier passages is committed
        return new FileOutcome(file, docId, FileOutcome.Status.FAILED, code, error, 0);
    }

    /** The fetch manifest's provenance of the file, when it came through {@code hmip fetch}. */
    private void recordSource(Warehouse wh, Path file, String docId) throws SQLException {
        var src = sources.find(file);
        if (src.isPresent()) {
            wh.recordSource(docId, src.get().url(), src.get().landingUrl(), src.get().retrievedAt(), src.get().published());
        }
    }

    /** Index commit first, then the warehouse flag: a crash in between only causes a harmless redo. */
    private static void commitIndex(Warehouse wh, PassageIndex index, List<String> pending, StageTimer timer)
            throws IOException, SQLException {
        if (pending.isEmpty()) return;
        long t = timer.start();
        index.commit();
        t = timer.lap(StageTimer.Stage.INDEX, t);
        wh.markIndexed(pending);
        timer.lap(StageTimer.Stage.LOAD, t);
        pending.clear();
    }

    /** The file stem, unless another file in this run already took it. */
    private static String uniqueDocId(Path file, Set<String> taken) {
        String name = file.getFileName().toString();
        String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        String id = stem;
        for (int i = 2; !taken.add(id); i++) id = stem + "~" + i;
        return id;
    }

    static List<Path> listFiles(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (!Files.exists(input)) throw new IOException("no such file or folder: " + input);
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .filter(p -> !SourceManifest.isFetchBookkeeping(input, p)) // manifest.csv, .fetch/
                            .sorted()
                            .forEach(files::add);
                }
            } else {
                files.add(input);
            }
        }
        return files;
    }
}
