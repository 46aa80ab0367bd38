package hmip.app;

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

    @Override
    public Integer call() {
        System.err.println("extract: not implemented yet");
        return 2;
    }
}
