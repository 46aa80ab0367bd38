package hmip.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the repository's sample corpus for tests (surefire passes {@code hmip.root}). */
public final class SampleCorpus {
    private SampleCorpus() {}

    public static Path root() {
        String root = System.getProperty("hmip.root");
        Path p = root == null ? Path.of("..").toAbsolutePath().normalize() : Path.of(root);
        if (!Files.isDirectory(p.resolve("data/reports"))) p = Path.of("").toAbsolutePath().getParent();
        return p;
    }

    public static Path reports() { return root().resolve("data/reports"); }

    public static List<Path> pdfs() {
        try (Stream<Path> s = Files.list(reports())) {
            return s.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("sample corpus missing at " + reports(), e);
        }
    }
}
