package hmip.extract;

import hmip.layout.StandardLayout;
import hmip.model.Extraction;
import hmip.model.LaidOutDocument;
import hmip.parse.ParseLimits;
import hmip.parse.Parsers;
import hmip.parse.SourceFile;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the sample corpus (repository root from {@code hmip.root}, test-resource copies) and runs the stage chain. */
final class Corpus {
    private Corpus() {}

    static Path root() {
        String prop = System.getProperty("hmip.root");
        if (prop != null && Files.isDirectory(Path.of(prop, "data", "reports"))) return Path.of(prop);
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("data").resolve("reports"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("cannot find the repository root (data/reports); set -Dhmip.root");
        return p;
    }

    static Path resource(String name) {
        try {
            var url = Corpus.class.getResource("/" + name);
            if (url == null) throw new IllegalStateException("missing test resource " + name);
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static LaidOutDocument layOut(Path file) throws Exception {
        var parsed = Parsers.standard().parse(SourceFile.read(file, ParseLimits.DEFAULT), ParseLimits.DEFAULT);
        return new StandardLayout().layOut(parsed);
    }

    static Extraction extract(Path file) throws Exception {
        return new InspectionExtractor().extract(layOut(file));
    }
}
