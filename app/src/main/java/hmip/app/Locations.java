package hmip.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Default locations, relative to the project home (the launcher passes {@code -Dhmip.home}); paths the
 * user types are taken relative to the working directory as usual.
 */
final class Locations {
    private Locations() {}

    static Path home() {
        String home = System.getProperty("hmip.home");
        return home == null ? Path.of("").toAbsolutePath() : Path.of(home);
    }

    static Path defaultDb() { return home().resolve("var/hmip.duckdb"); }

    static Path defaultIndex() { return home().resolve("var/index"); }

    static Path defaultReports() { return home().resolve("data/reports"); }

    /** The {@code --db} option of the commands that read or write the warehouse ({@code @Mixin}). */
    static final class WarehouseFile {
        @Option(names = "--db", description = "warehouse file (default: var/hmip.duckdb)")
        private Path db;

        /** The given file, or the default one. */
        Path path() { return db == null ? defaultDb() : db; }
    }

    /** The {@code --index} option of the commands that read or write the search index ({@code @Mixin}). */
    static final class IndexFolder {
        @Option(names = "--index", description = "index folder (default: var/index)")
        private Path index;

        /** The given folder, or the default one. */
        Path path() { return index == null ? defaultIndex() : index; }
    }
}
