package hmip.app;

import hmip.extract.GoldJson;
import hmip.extract.InspectionExtractor;
import hmip.layout.StandardLayout;
import hmip.model.Extraction;
import hmip.parse.ParseException;
import hmip.parse.ParseLimits;
import hmip.parse.Parsers;
import hmip.parse.SourceFile;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Prints one document's extraction in the gold schema's shape, without touching the warehouse. */
@Command(name = "extract", description = "Extract one file and print it in the gold schema's shape.")
final class ExtractCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "PDF, DOCX, HTML or text file")
    Path file;

    @Option(names = "--json", description = "print JSON (the default and only format for now)")
    boolean json = true;

    @Option(names = "--provenance", description = "add page/span provenance to each value and include findings")
    boolean provenance;

    @Override
    public Integer call() {
        try {
            SourceFile source = SourceFile.read(file, ParseLimits.DEFAULT);
            var parsed = Parsers.standard().parse(source, ParseLimits.DEFAULT);
            Extraction extraction = new InspectionExtractor().extract(new StandardLayout().layOut(parsed));
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            out.println(GoldJson.write(extraction, provenance));
            return 0;
        } catch (ParseException e) {
            System.err.println("extract: cannot parse " + file + ": " + e.getMessage());
            return 1;
        }
    }
}
