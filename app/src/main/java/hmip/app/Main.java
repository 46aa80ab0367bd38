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
                CheckCommand.class,
                CompareCommand.class,
                TrendsCommand.class,
                ExportCommand.class,
                ServeCommand.class,
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static {
        // Tika pulls in log4j-api without a provider; its status logger would print to stdout and corrupt
        // --json output. Set before any command (or a test through commandLine()) loads Tika.
        System.setProperty("log4j2.statusLoggerLevel", "OFF");
    }

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
