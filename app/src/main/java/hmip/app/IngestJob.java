package hmip.app;

import hmip.layout.Layout;
import hmip.layout.StandardLayout;
import hmip.load.KnownFile;
import hmip.load.Warehouse;
import hmip.model.Extraction;
import hmip.model.LaidOutDocument;
import hmip.model.ParsedDocument;
import hmip.parse.ParseException;
import hmip.parse.ParseFailure;
import hmip.parse.ParseLimits;
import hmip.parse.Parsers;
import hmip.parse.SourceFile;
import hmip.search.PassageIndex;
import hmip.search.Passages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Runs the stages over a batch of files. Parsing, layout and extraction run on a pool of worker
 * threads (documents are independent); one writer thread — the caller's — owns the warehouse and the
 * index, so each document is written in one warehouse transaction and then indexed. At most
 * {@code 2 × threads} documents are in flight, which bounds memory however large the batch.
 */
public final class IngestJob {
    /** How the job is configured: where to read and write, how many threads, which limits. */
    public record Options(List<Path> inputs, Path db, Path index, int threads, ParseLimits limits, boolean force) {}

    /** Called as files finish, for progress display. */
    public interface Listener {
        void started(int files);

        void finished(FileOutcome outcome);
    }

    private static final int INDEX_COMMIT_EVERY = 32;
    /** Warehouse documents per transaction (each still all-or-nothing, see Warehouse#documentsPerTransaction). */
    private static final int DOCUMENTS_PER_TRANSACTION = 8;

    private final Options options;
    private final Parsers parsers = Parsers.standard();
    private final Layout layout = new StandardLayout();
    private final Function<LaidOutDocument, Extraction> extractor;
    private StageTimer timer = StageTimer.NONE;

    public IngestJob(Options options, Function<LaidOutDocument, Extraction> extractor) {
        this.options = options;
        this.extractor = extractor;
    }

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
        try (Warehouse wh = Warehouse.open(options.db()); PassageIndex index = new PassageIndex(options.index())) {
            int runId = wh.startRun(String.join(" ", options.inputs().stream().map(Path::toString).toList()));
            wh.documentsPerTransaction(DOCUMENTS_PER_TRANSACTION);
            List<String> pendingIndexed = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.threads()));
            try {
                ExecutorCompletionService<Processed> done = new ExecutorCompletionService<>(pool);
                int inFlight = 0, next = 0, maxInFlight = 2 * Math.max(1, options.threads());
                Set<String> idsThisRun = new HashSet<>();
                // one query for all known files instead of one per input file (warm re-ingest profile)
                Map<String, KnownFile> known = wh.knownFiles();
                while (next < files.size() || inFlight > 0) {
                    while (next < files.size() && inFlight < maxInFlight) {
                        Path file = files.get(next++);
                        String docId = uniqueDocId(file, idsThisRun);
                        KnownFile before = known.get(docId);
                        done.submit(() -> process(file, docId, before));
                        inFlight++;
                    }
                    Processed p = take(done);
                    inFlight--;
                    FileOutcome outcome = write(p, wh, index, runId, pendingIndexed);
                    if (pendingIndexed.size() >= INDEX_COMMIT_EVERY) commitIndex(wh, index, pendingIndexed, timer);
                    pages += outcome.status() == FileOutcome.Status.LOADED ? outcome.pages() : 0;
                    outcomes.add(outcome);
                    listener.finished(outcome);
                }
                commitIndex(wh, index, pendingIndexed, timer);
            } finally {
                pool.shutdownNow();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            IngestSummary summary = new IngestSummary(runId, outcomes, pages, seconds);
            wh.finishRun(runId, (int) summary.count(FileOutcome.Status.LOADED),
                    (int) summary.count(FileOutcome.Status.FAILED), (int) summary.count(FileOutcome.Status.UNCHANGED),
                    pages, seconds);
            return summary;
        }
    }

    /** The result of the worker half: a document ready to write, a failure, or a skip. */
    private record Processed(Path file, String docId, SourceFile source, LaidOutDocument doc, Extraction extraction,
                             ParseFailure failure, String error, boolean unchanged) {}

    private Processed process(Path file, String docId, KnownFile before) {
        SourceFile source = null;
        try {
            long t = timer.start();
            source = SourceFile.read(file, options.limits());
            t = timer.lap(StageTimer.Stage.READ, t);
            source = new SourceFile(source.path(), docId, source.bytes(), source.sha256(), source.mediaType());
            if (!options.force() && before != null && before.sha256().equals(source.sha256())
                    && (before.isLoaded() || ("failed".equals(before.status()) && options.limits().password() == null))) {
                return new Processed(file, docId, source, null, null, null, null, true);
            }
            ParsedDocument parsed = parsers.parse(source, options.limits());
            t = timer.lap(StageTimer.Stage.PARSE, t);
            LaidOutDocument doc = layout.layOut(parsed);
            t = timer.lap(StageTimer.Stage.LAYOUT, t);
            Extraction extraction = extractor.apply(doc);
            timer.lap(StageTimer.Stage.EXTRACT, t);
            return new Processed(file, docId, source, doc, extraction, null, null, false);
        } catch (ParseException e) {
            return new Processed(file, docId, source, null, null, e.failure(), e.getMessage(), false);
        } catch (OutOfMemoryError e) {
            return new Processed(file, docId, source, null, null, ParseFailure.OUT_OF_MEMORY, e.toString(), false);
        } catch (RuntimeException e) {
            return new Processed(file, docId, source, null, null, null,
                    "internal error in layout or extraction: " + e, false);
        }
    }

    private FileOutcome write(Processed p, Warehouse wh, PassageIndex index, int runId, List<String> pendingIndexed)
            throws SQLException, IOException {
        if (p.unchanged()) {
            return new FileOutcome(p.file(), p.docId(), FileOutcome.Status.UNCHANGED, null, "unchanged", 0);
        }
        if (p.doc() == null) {
            String code = p.failure() == null ? "EXTRACTION_ERROR" : p.failure().name();
            SourceFile s = p.source();
            wh.storeFailure(p.docId(), p.file().toString(), s == null ? "" : s.sha256(), s == null ? null : s.mediaType(),
                    s == null ? 0 : s.bytes().length, code, p.error(), runId);
            index.deleteDocument(p.docId());
            return new FileOutcome(p.file(), p.docId(), FileOutcome.Status.FAILED, code, p.error(), 0);
        }
        long t = timer.start();
        wh.storeDocument(p.doc(), p.extraction(), p.source().bytes().length, runId);
        t = timer.lap(StageTimer.Stage.LOAD, t);
        index.replaceDocument(p.docId(), Passages.of(p.doc(), p.extraction()));
        timer.lap(StageTimer.Stage.INDEX, t);
        pendingIndexed.add(p.docId());
        return new FileOutcome(p.file(), p.docId(), FileOutcome.Status.LOADED, null, null, p.doc().pages().size());
    }

    /** Index commit first, then the warehouse flag: a crash in between only causes a harmless redo. */
    private static void commitIndex(Warehouse wh, PassageIndex index, List<String> pending, StageTimer timer)
            throws IOException, SQLException {
        if (pending.isEmpty()) return;
        long t = timer.start();
        wh.commitDocuments(); // warehouse rows before the index commit, as with one transaction per document
        t = timer.lap(StageTimer.Stage.LOAD, t);
        index.commit();
        t = timer.lap(StageTimer.Stage.INDEX, t);
        wh.markIndexed(pending);
        timer.lap(StageTimer.Stage.LOAD, t);
        pending.clear();
    }

    private static Processed take(ExecutorCompletionService<Processed> done) throws IOException {
        try {
            Future<Processed> f = done.take();
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("ingest interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("worker failed outside its error handling", e.getCause());
        }
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
