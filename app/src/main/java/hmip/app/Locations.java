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

    /**
     * The {@code --reference} option: a folder laid out like {@code data/reference/} whose files replace the
     * bundled reference data (a new framework, an extended gazetteer) without rebuilding ({@code @Mixin}).
     */
    static final class ReferenceFolder {
        @Option(names = "--reference", paramLabel = "DIR",
                description = "reference data folder overriding the bundled copy of data/reference (default: bundled)")
        private Path folder;

        hmip.reference.Reference reference() {
            return folder == null ? hmip.reference.Reference.bundled() : hmip.reference.Reference.load(folder);
        }
    }

    /** The {@code --index} option of the commands that read or write the search index ({@code @Mixin}). */
    static final class IndexFolder {
        @Option(names = "--index", description = "index folder (default: var/index)")
        private Path index;

        /** The given folder, or the default one. */
        Path path() { return index == null ? defaultIndex() : index; }
    }
}
