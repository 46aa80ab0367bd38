package hmip.pipeline;

import hmip.enrich.Enricher;
import hmip.enrich.PassageEnrichment;
import hmip.enrich.Passages;
import hmip.extract.InspectionExtractor;
import hmip.layout.Layout;
import hmip.layout.StandardLayout;
import hmip.load.Warehouse;
import hmip.model.DocumentStatus;
import hmip.model.DocumentValidation;
import hmip.model.Extraction;
import hmip.model.LaidOutDocument;
import hmip.model.ParsedDocument;
import hmip.parse.Deadline;
import hmip.parse.ParseException;
import hmip.parse.ParseFailure;
import hmip.parse.ParseLimits;
import hmip.parse.Parsers;
import hmip.parse.SourceFile;
import hmip.reference.Reference;
import hmip.validate.DocumentInput;
import hmip.validate.StatusJudge;
import hmip.validate.Validator;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The one way a file becomes data: read, parse, lay out, extract, validate, judge its status and (optionally)
 * enrich, for one file on the calling thread, under the file's time limit. Every caller runs this object:
 * {@code ingest} (on its worker threads, then loads each {@link PipelineResult.Processed}), {@code extract},
 * {@code bench} and the tests. It is immutable and thread-safe; the stages are plain functions of their input.
 *
 * <p>Nothing thrown by a stage escapes: parse failures keep their {@link ParseFailure} code, a time limit or
 * memory exhausted becomes TIMEOUT or OUT_OF_MEMORY, an error in layout becomes {@link #LAYOUT_ERROR}, and
 * extraction and validation isolate their own steps (a failing reader or check is recorded on the document,
 * the others' results are kept).
 */
public final class Pipeline {
    /** Code of a file whose parsed pages could not be laid out (a defect, reported rather than thrown). */
    public static final String LAYOUT_ERROR = "LAYOUT_ERROR";
    /** Code of a failure outside every stage's own handling. */
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    /** How to run: limits per file, and whether to build enriched passages (ingest does; extract does not). */
    public record Options(ParseLimits limits, boolean enrich) {
        public static Options defaults() { return new Options(ParseLimits.DEFAULT, true); }

        public Options withLimits(ParseLimits l) { return new Options(l, enrich); }

        public Options withEnrich(boolean on) { return new Options(limits, on); }
    }

    /**
     * One file to process. {@code unchanged} says whether these bytes were already read to a final answer
     * (then nothing is parsed); {@code started} receives the file's {@link Deadline} so a watchdog can cancel
     * it; {@code timer} times the stages.
     */
    public record Job(Path file, String docId, Predicate<SourceFile> unchanged, Consumer<Deadline> started,
                      StageTimer timer) {
        public static Job of(Path file) {
            return new Job(file, null, s -> false, d -> { }, StageTimer.NONE);
        }
    }

    private final Reference reference;
    private final Options options;
    private final Parsers parsers = Parsers.standard();
    private final Layout layout;
    private final InspectionExtractor extractor;
    private final Validator validator;
    private final StatusJudge judge;

    public Pipeline(Reference reference, Options options) {
        this(reference, options, new StandardLayout());
    }

    private Pipeline(Reference reference, Options options, Layout layout) {
        this.reference = reference;
        this.options = options;
        this.layout = layout;
        this.extractor = new InspectionExtractor(reference);
        this.validator = new Validator(reference);
        this.judge = new StatusJudge(reference);
    }

    /** The same pipeline with another layout stage (tests use one that hangs or fails on purpose). */
    public Pipeline withLayout(Layout other) { return new Pipeline(reference, options, other); }

    /** The same pipeline with other options. */
    public Pipeline with(Options other) { return new Pipeline(reference, other, layout); }

    /** The bundled reference data and default limits, with enrichment. */
    public static Pipeline standard() { return new Pipeline(Reference.bundled(), Options.defaults()); }

    public Reference reference() { return reference; }

    public Options options() { return options; }

    public Validator validator() { return validator; }

    public PipelineResult process(Path file) { return process(Job.of(file)); }

    /** What validation found in an extraction, and the status it gives the document. */
    public record Checked(DocumentValidation validation, DocumentStatus status) {}

    /**
     * Validation and status for an extraction made elsewhere (a gold file in a test fixture): what ingest
     * would load with it.
     */
    public Checked check(LaidOutDocument doc, Extraction extraction) {
        DocumentValidation validation = validator.validate(DocumentInput.of(doc, extraction));
        return new Checked(validation, judge.judge(extraction, validation.findings()));
    }

    /**
     * Checks an extraction made elsewhere and stores it with its findings and status, in one warehouse
     * transaction (test fixtures load gold extractions this way; ingest loads what {@link #process} read).
     */
    public void load(Warehouse warehouse, LaidOutDocument doc, Extraction extraction, long bytes, int runId)
            throws java.sql.SQLException {
        Checked c = check(doc, extraction);
        warehouse.storeDocument(doc, extraction, c.validation(), c.status(), bytes, runId, () -> { });
    }

    public PipelineResult process(Job job) {
        Path file = job.file();
        String docId = job.docId();
        SourceFile source = null;
        ParseLimits limits = options.limits();
        StageTimer timer = job.timer() == null ? StageTimer.NONE : job.timer();
        try (Deadline deadline = Deadline.start(limits.timeoutMillis())) {
            job.started().accept(deadline);
            long t = timer.start();
            source = SourceFile.read(file, limits);
            t = timer.lap(StageTimer.Stage.READ, t);
            if (docId == null) docId = source.docId();
            else source = new SourceFile(source.path(), docId, source.bytes(), source.sha256(), source.mediaType());
            if (job.unchanged().test(source)) return new PipelineResult.Unchanged(file, docId, source);
            ParsedDocument parsed = parsers.parse(source, limits);
            t = timer.lap(StageTimer.Stage.PARSE, t);
            LaidOutDocument doc;
            try {
                doc = layout.layOut(parsed);
            } catch (RuntimeException e) {
                return new PipelineResult.Failed(file, docId, source, LAYOUT_ERROR,
                        "the parsed pages could not be laid out: " + e);
            }
            t = timer.lap(StageTimer.Stage.LAYOUT, t);
            Extraction extraction = extractor.extract(doc);
            DocumentValidation validation = validator.validate(DocumentInput.of(doc, extraction));
            DocumentStatus status = judge.judge(extraction, validation.findings());
            t = timer.lap(StageTimer.Stage.EXTRACT, t); // extraction, its checks and its status
            PassageEnrichment.Result enriched = options.enrich() ? enrich(doc, extraction) : null;
            timer.lap(StageTimer.Stage.ENRICH, t);
            return new PipelineResult.Processed(file, docId, source, doc, extraction, validation, status, enriched);
        } catch (ParseException e) {
            return failed(file, docId, source, e.failure(), e.getMessage());
        } catch (Deadline.ParseCancelledException e) {
            return failed(file, docId, source, ParseFailure.TIMEOUT, ParseFailure.TIMEOUT.description() + ": " + e.getMessage());
        } catch (OutOfMemoryError e) {
            source = null; // let the bytes go before recording
            return failed(file, docId, null, ParseFailure.OUT_OF_MEMORY, ParseFailure.OUT_OF_MEMORY.description() + ": "
                    + e.getMessage() + " (heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MB; raise -Xmx through "
                    + "HMIP_JAVA_OPTS or lower --threads)");
        } catch (StackOverflowError e) {
            return failed(file, docId, source, ParseFailure.CORRUPT,
                    ParseFailure.CORRUPT.description() + ": structure nested too deeply (StackOverflowError)");
        } catch (RuntimeException | Error e) {
            return new PipelineResult.Failed(file, docId == null ? stem(file) : docId, source, INTERNAL_ERROR,
                    "internal error: " + e);
        }
    }

    private static PipelineResult.Failed failed(Path file, String docId, SourceFile source, ParseFailure code, String message) {
        return new PipelineResult.Failed(file, docId == null ? stem(file) : docId, source, code.name(), message);
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
    }

    /** Passages with themes and facts; plain passages if enrichment itself fails. */
    private static PassageEnrichment.Result enrich(LaidOutDocument doc, Extraction extraction) {
        var passages = Passages.of(doc, extraction);
        try {
            return PassageEnrichment.enrich(passages, Enricher.standard());
        } catch (RuntimeException e) {
            return new PassageEnrichment.Result(passages, List.of(), List.of());
        }
    }
}
