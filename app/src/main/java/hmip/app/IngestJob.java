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
import hmip.enrich.EnrichmentStore;
import hmip.search.EmbedStep;
import hmip.search.Embedder;
import hmip.search.PassageEnrichment;
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

    private final Options options;
    private final Parsers parsers = Parsers.standard();
    private final Layout layout = new StandardLayout();
    private final Function<LaidOutDocument, Extraction> extractor;

    private boolean embed;

    public IngestJob(Options options, Function<LaidOutDocument, Extraction> extractor) {
        this.options = options;
        this.extractor = extractor;
    }

    /** Also run the embedding step (vectors for hybrid search) at the end of the run. */
    public IngestJob embedAfterwards(boolean on) {
        this.embed = on;
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
            List<String> pendingIndexed = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.threads()));
            try {
                ExecutorCompletionService<Processed> done = new ExecutorCompletionService<>(pool);
                int inFlight = 0, next = 0, maxInFlight = 2 * Math.max(1, options.threads());
                Set<String> idsThisRun = new HashSet<>();
                Map<String, KnownFile> known = new HashMap<>();
                while (next < files.size() || inFlight > 0) {
                    while (next < files.size() && inFlight < maxInFlight) {
                        Path file = files.get(next++);
                        String docId = uniqueDocId(file, idsThisRun);
                        wh.known(docId).ifPresent(k -> known.put(docId, k));
                        KnownFile before = known.get(docId);
                        done.submit(() -> process(file, docId, before));
                        inFlight++;
                    }
                    Processed p = take(done);
                    inFlight--;
                    FileOutcome outcome = write(p, wh, index, runId, pendingIndexed);
                    if (pendingIndexed.size() >= INDEX_COMMIT_EVERY) commitIndex(wh, index, pendingIndexed);
                    pages += outcome.status() == FileOutcome.Status.LOADED ? outcome.pages() : 0;
                    outcomes.add(outcome);
                    listener.finished(outcome);
                }
                commitIndex(wh, index, pendingIndexed);
            } finally {
                pool.shutdownNow();
            }
            EnrichmentStore store = new EnrichmentStore(wh.connection());
            store.rebuildRecommendationClusters();
            if (embed) EmbedStep.run(index, store, Embedder.standard(), null);
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
                             ParseFailure failure, String error, boolean unchanged, PassageEnrichment.Result enriched) {
        Processed(Path file, String docId, SourceFile source, LaidOutDocument doc, Extraction extraction,
                  ParseFailure failure, String error, boolean unchanged) {
            this(file, docId, source, doc, extraction, failure, error, unchanged, null);
        }
    }

    /** Passages with themes and facts; without them (plain passages) if enrichment itself fails. */
    private static PassageEnrichment.Result enrich(LaidOutDocument doc, Extraction extraction) {
        var passages = Passages.of(doc, extraction);
        try {
            return PassageEnrichment.enrich(passages);
        } catch (RuntimeException e) {
            return new PassageEnrichment.Result(passages, List.of(), List.of());
        }
    }

    private Processed process(Path file, String docId, KnownFile before) {
        SourceFile source = null;
        try {
            source = SourceFile.read(file, options.limits());
            source = new SourceFile(source.path(), docId, source.bytes(), source.sha256(), source.mediaType());
            if (!options.force() && before != null && before.sha256().equals(source.sha256())
                    && (before.isLoaded() || ("failed".equals(before.status()) && options.limits().password() == null))) {
                return new Processed(file, docId, source, null, null, null, null, true);
            }
            ParsedDocument parsed = parsers.parse(source, options.limits());
            LaidOutDocument doc = layout.layOut(parsed);
            Extraction extraction = extractor.apply(doc);
            return new Processed(file, docId, source, doc, extraction, null, null, false, enrich(doc, extraction));
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
        wh.storeDocument(p.doc(), p.extraction(), p.source().bytes().length, runId);
        PassageEnrichment.Result enriched = p.enriched() != null ? p.enriched() : enrich(p.doc(), p.extraction());
        EnrichmentStore store = new EnrichmentStore(wh.connection());
        store.store(p.docId(), enriched.themes(), enriched.facts());
        // vectors already cached for identical text are reused; `hmip embed` adds the rest
        var cached = store.vectors(enriched.passages().stream().map(x -> Embedder.sha(x.text())).toList(), Embedder.standard().model());
        index.replaceDocument(p.docId(), enriched.passages(), cached::get);
        pendingIndexed.add(p.docId());
        return new FileOutcome(p.file(), p.docId(), FileOutcome.Status.LOADED, null, null, p.doc().pages().size());
    }

    /** Index commit first, then the warehouse flag: a crash in between only causes a harmless redo. */
    private static void commitIndex(Warehouse wh, PassageIndex index, List<String> pending) throws IOException, SQLException {
        if (pending.isEmpty()) return;
        index.commit();
        for (String id : pending) wh.markIndexed(id);
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
