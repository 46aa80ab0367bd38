package hmip.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hmip.extract.GoldJson;
import hmip.layout.StandardLayout;
import hmip.model.Extraction;
import hmip.model.LaidOutDocument;
import hmip.model.LaidOutPage;
import hmip.model.ParsedDocument;
import hmip.parse.ParseLimits;
import hmip.parse.Parsers;
import hmip.parse.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-side loader: gold JSON (GOLD_SCHEMA.md) to {@link Extraction} records, and the sample reports of
 * {@code data/reports} laid out by the real pipeline for the page text. Gold carries no provenance, so extracted
 * values have none; prose found in the page text does.
 */
final class Gold {
    static final List<String> IDS = List.of("000_ff8cab6e6239494e", "001_26fef9cbb675eeb2", "002_dd305e50ed34b774",
            "003_87f4258a3b1d4f5f", "004_2024088064c08f13");
    static final String NW_LETTER = IDS.get(0), LIVERPOOL_NORTH = IDS.get(1), NPS_NW = IDS.get(2),
            CHESHIRE_WEST = IDS.get(3), GM_LETTER = IDS.get(4);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, LaidOutDocument> LAID_OUT = new LinkedHashMap<>();

    private Gold() {}

    static Extraction extraction(String docId) {
        try (InputStream in = Gold.class.getResourceAsStream("/gold-validate/" + docId + ".json")) {
            return GoldJson.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The sample report's page text, from the snapshot in {@code gold-validate/pages/} (the body text
     * {@code StandardLayout} gave for {@code data/reports/<id>.pdf}; rewrite it with {@link PageSnapshotWriter}).
     * A snapshot keeps these tests fast and independent of later layout changes.
     */
    static synchronized LaidOutDocument laidOut(String docId) {
        return LAID_OUT.computeIfAbsent(docId, id -> {
            try (InputStream in = Gold.class.getResourceAsStream("/gold-validate/pages/" + id + ".json")) {
                List<LaidOutPage> pages = new ArrayList<>();
                for (JsonNode p : JSON.readTree(in)) {
                    pages.add(new LaidOutPage(p.path("page").asInt(), p.path("text").asText(), List.of(), List.of(),
                            List.of(), List.of(), false));
                }
                ParsedDocument parsed = new ParsedDocument(id, "data/reports/" + id + ".pdf", "snapshot-" + id,
                        "application/pdf", List.of(), Map.of());
                return new LaidOutDocument(parsed, pages);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The sample report laid out by the pipeline now (slow: parses the PDF). */
    static LaidOutDocument layOutPdf(String docId) {
        Path pdf = root().resolve("data/reports/" + docId + ".pdf");
        try {
            ParsedDocument parsed = Parsers.standard().parse(SourceFile.read(pdf, ParseLimits.DEFAULT), ParseLimits.DEFAULT);
            return new StandardLayout().layOut(parsed);
        } catch (Exception e) {
            throw new IllegalStateException("cannot lay out " + pdf, e);
        }
    }

    static DocumentInput input(String docId) {
        return DocumentInput.of(laidOut(docId), extraction(docId));
    }

    static Path root() {
        String r = System.getProperty("hmip.root");
        Path p = r == null ? Path.of("..") : Path.of(r);
        if (!Files.isDirectory(p.resolve("data/reports"))) p = Path.of("..");
        return p.toAbsolutePath().normalize();
    }
}
