package hmip.app;

import hmip.extract.GoldJson;
import hmip.parse.ParseLimits;
import hmip.pipeline.Pipeline;
import hmip.pipeline.PipelineResult;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Prints one document's extraction in the gold schema's shape, with its status, without touching the
 * warehouse: the same {@link Pipeline} as ingest, without enrichment.
 */
@Command(name = "extract", description = "Extract one file and print it in the gold schema's shape, with its status.")
final class ExtractCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "PDF, DOCX, HTML or text file")
    Path file;

    @Option(names = "--json", description = "print JSON (the default and only format for now)")
    boolean json = true;

    @Option(names = "--provenance", description = "add page/span provenance to each value and include findings")
    boolean provenance;

    @Option(names = "--password", description = "password for an encrypted PDF")
    String password;

    @Mixin Locations.ReferenceFolder reference;

    @Override
    public Integer call() {
        ParseLimits limits = new ParseLimits(ParseLimits.DEFAULT.maxBytes(), ParseLimits.DEFAULT.maxPages(),
                ParseLimits.DEFAULT.timeoutMillis(), password);
        Pipeline pipeline = new Pipeline(reference.reference(), new Pipeline.Options(limits, false));
        PipelineResult result = pipeline.process(file);
        if (result instanceof PipelineResult.Processed p) {
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            out.println(GoldJson.write(p.extraction(), p.status(), provenance));
            return 0;
        }
        PipelineResult.Failed f = (PipelineResult.Failed) result;
        System.err.println("extract: cannot read " + file + ": [" + f.code() + "] " + f.message());
        return 1;
    }
}
