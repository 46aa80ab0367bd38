package hmip.extract;

import hmip.model.Extraction;
import hmip.pipeline.Pipeline;
import hmip.pipeline.PipelineResult;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the sample corpus (repository root from {@code hmip.root}, test-resource copies) and runs the pipeline. */
final class Corpus {
    /** Parse to status, without enrichment: what {@code hmip extract} runs. */
    static final Pipeline PIPELINE = new Pipeline(hmip.reference.Reference.bundled(), Pipeline.Options.defaults().withEnrich(false));

    private Corpus() {}

    static Path root() {
        String prop = System.getProperty("hmip.root");
        if (prop != null && Files.isDirectory(Path.of(prop, "data", "reports"))) return Path.of(prop);
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("data").resolve("reports"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("cannot find the repository root (data/reports); set -Dhmip.root");
        return p;
    }

    static Path resource(String name) {
        try {
            var url = Corpus.class.getResource("/" + name);
            if (url == null) throw new IllegalStateException("missing test resource " + name);
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The pipeline's result for a file, which must have been read (not failed). */
    static PipelineResult.Processed process(Path file) {
        PipelineResult r = PIPELINE.process(file);
        if (r instanceof PipelineResult.Processed p) return p;
        throw new IllegalStateException(file + " was not read: " + r);
    }

    static Extraction extract(Path file) {
        return process(file).extraction();
    }
}
