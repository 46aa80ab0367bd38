package hmip.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hmip.layout.StandardLayout;
import hmip.model.Extraction;
import hmip.model.KeyQuestion;
import hmip.model.LaidOutDocument;
import hmip.model.LaidOutPage;
import hmip.model.ParsedDocument;
import hmip.model.Provider;
import hmip.model.Recommendation;
import hmip.model.Score;
import hmip.model.StandardRating;
import hmip.parse.ParseLimits;
import hmip.parse.Parsers;
import hmip.parse.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
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
            return fromJson(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Extraction fromJson(JsonNode j) {
        List<Provider> providers = new ArrayList<>();
        for (JsonNode p : j.path("providers")) {
            List<StandardRating> ratings = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = p.path("ratings").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                ratings.add(new StandardRating(e.getKey(), e.getValue().asText(), null));
            }
            JsonNode s = p.path("score");
            Score score = s.isObject() ? new Score(s.path("points").asInt(), s.path("max").asInt(), null) : null;
            providers.add(new Provider(p.path("name").asText(), text(p, "type"), text(p, "fieldwork_started"), score,
                    text(p, "overall_rating"), ratings, null));
        }
        List<KeyQuestion> kqs = new ArrayList<>();
        for (JsonNode k : j.path("key_questions")) {
            kqs.add(new KeyQuestion(text(k, "provider"), text(k, "standard"), text(k, "code"), text(k, "question"),
                    k.path("percent_yes").asInt(), null));
        }
        List<Recommendation> recs = new ArrayList<>();
        for (JsonNode r : j.path("recommendations")) {
            recs.add(new Recommendation(text(r, "provider"), text(r, "addressee"), text(r, "addressee_level"),
                    r.path("number").isNumber() ? r.path("number").asInt() : null, text(r, "text"), null));
        }
        List<String> notes = new ArrayList<>();
        j.path("notes").forEach(n -> notes.add(n.asText()));
        return new Extraction(text(j, "doc_id"), text(j, "doc_type"), text(j, "title"), text(j, "inspectorate"),
                text(j, "published"), text(j, "region"), text(j, "framework"), providers, kqs, recs, List.of(), notes);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
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
