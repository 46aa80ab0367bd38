package hmip.trends;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hmip.layout.StandardLayout;
import hmip.load.Warehouse;
import hmip.model.Extraction;
import hmip.model.LaidOutDocument;
import hmip.parse.ParseLimits;
import hmip.parse.Parsers;
import hmip.parse.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test fixture: a warehouse holding the sample corpus with its gold extractions (shared/corpus/gold), the
 * pages and blocks coming from parsing the real sample PDFs in data/reports. Stands in for the structured
 * extractor until it lands.
 */
public final class GoldWarehouse {
    private GoldWarehouse() {}

    public static Path root() {
        return Path.of(System.getProperty("hmip.root", "..")).toAbsolutePath().normalize();
    }

    /** The gold folder: shared/corpus/gold beside the repository (as in CI), or null when absent. */
    public static Path goldDir() {
        for (Path p : List.of(root().resolve("../shared/corpus/gold"), root().resolve("shared/corpus/gold"))) {
            if (Files.isDirectory(p)) return p.normalize();
        }
        return null;
    }

    /** Builds (replacing) a warehouse file from every gold JSON file. */
    public static void build(Path db) throws Exception {
        Path gold = goldDir();
        if (gold == null) throw new IllegalStateException("no shared/corpus/gold beside " + root());
        Files.deleteIfExists(db);
        Files.deleteIfExists(db.resolveSibling(db.getFileName() + ".wal"));
        List<Path> files;
        try (Stream<Path> s = Files.list(gold)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        try (Warehouse wh = Warehouse.open(db)) {
            int run = wh.startRun("gold fixture");
            for (Path f : files) {
                Extraction ex = extraction(new ObjectMapper().readTree(f.toFile()));
                LaidOutDocument doc = laidOut(ex.docId());
                hmip.pipeline.Pipeline.standard().load(wh, doc, ex, Files.size(root().resolve("data/reports/" + ex.docId() + ".pdf")), run);
                wh.markIndexed(ex.docId());
            }
            wh.finishRun(run, files.size(), 0, 0, 0, 0);
        }
    }

    static LaidOutDocument laidOut(String docId) throws Exception {
        Path pdf = root().resolve("data/reports/" + docId + ".pdf");
        SourceFile src = SourceFile.read(pdf, ParseLimits.DEFAULT);
        return new StandardLayout().layOut(Parsers.standard().parse(src, ParseLimits.DEFAULT));
    }

    static Extraction extraction(JsonNode j) {
        return hmip.extract.GoldJson.fromJson(j);
    }

    /** Writes the gold warehouse to the path given as the first argument (used by notebooks/run.sh). */
    public static void main(String[] args) throws Exception {
        build(Path.of(args[0]));
    }

    static void ensureParent(Path p) throws IOException {
        Files.createDirectories(p.toAbsolutePath().getParent());
    }
}
