package hmip.app;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code hmip} command line. Each subcommand is a class of its own in this package. */
@Command(name = "hmip", mixinStandardHelpOptions = true, version = "hmip " + Main.VERSION,
        // every subcommand gets --help and --version too
        scope = CommandLine.ScopeType.INHERIT,
        description = "Probation inspection reports into a DuckDB warehouse and a Lucene index.",
        subcommands = {
                IngestCommand.class,
                FetchCommand.class,
                SearchCommand.class,
                StatsCommand.class,
                ExtractCommand.class,
                CheckCommand.class,
                CompareCommand.class,
                TrendsCommand.class,
                ExportCommand.class,
                ServeCommand.class,
                EmbedCommand.class,
                ThemesCommand.class,
                SimilarCommand.class,
                FactsCommand.class,
                hmip.app.bench.BenchCommand.class,
        })
public final class Main implements Runnable {
    /** The release version (also in the User-Agent of {@code hmip fetch}). */
    static final String VERSION = "0.1.0";

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
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Main::handle);
    }

    /**
     * Expected operational errors (the warehouse or index is busy, an input is missing) are printed as
     * one line with their own exit status; anything else keeps picocli's stack trace.
     */
    private static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) throws Exception {
        String name = cmd.getCommandName();
        if (e instanceof hmip.load.WarehouseBusyException) {
            cmd.getErr().println(name + ": " + e.getMessage());
            return 4;
        }
        if (e instanceof java.nio.file.NoSuchFileException || (e instanceof java.io.IOException
                && String.valueOf(e.getMessage()).startsWith("no such file or folder"))) {
            cmd.getErr().println(name + ": " + e.getMessage());
            return 2;
        }
        throw e;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
