package hmip.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code hmip} command line. Each subcommand is a class of its own in this package. */
@Command(name = "hmip", mixinStandardHelpOptions = true, version = "hmip 0.1.0",
        description = "Probation inspection reports into a DuckDB warehouse and a Lucene index.",
        subcommands = {
                IngestCommand.class,
                SearchCommand.class,
                StatsCommand.class,
                ExtractCommand.class,
                hmip.app.bench.BenchCommand.class,
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
