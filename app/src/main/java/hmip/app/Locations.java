package hmip.app;

import java.nio.file.Path;

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
}
