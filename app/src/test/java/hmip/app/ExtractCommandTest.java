package hmip.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractCommandTest {

    @Test
    void printsTheGoldSchemaForASamplePdf() throws Exception {
        Path root = Path.of(System.getProperty("hmip.root", ".."));
        Path pdf = root.resolve("data/reports/003_87f4258a3b1d4f5f.pdf");
        Path gold = root.resolve("pipeline/src/test/resources/gold/003_87f4258a3b1d4f5f.json");
        if (!Files.exists(pdf) || !Files.exists(gold)) return;

        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            code = Main.commandLine().execute("extract", pdf.toString(), "--json");
        } finally {
            System.setOut(original);
        }
        assertThat(code).isZero();
        ObjectMapper json = new ObjectMapper();
        JsonNode got = json.readTree(buffer.toString(StandardCharsets.UTF_8));
        JsonNode expected = json.readTree(gold.toFile());
        // the gold schema's fields, plus the status and a display title (GOLD_SCHEMA.md)
        List<String> names = fieldNames(got);
        names.removeAll(List.of("status", "display_title"));
        assertThat(names).isEqualTo(fieldNames(expected));
        assertThat(got.path("status").path("level").asText()).isEqualTo("complete");
        assertThat(got.path("status").path("reasons")).isEmpty();
        for (String field : List.of("doc_id", "doc_type", "title", "published", "region", "framework",
                "providers", "key_questions", "recommendations")) {
            assertThat(got.get(field)).as(field).isEqualTo(expected.get(field));
        }
    }

    @Test
    void aLandingPageInHtmlIsAPressReleaseWithItsStatedRatings(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path html = dir.resolve("landing.html");
        Files.writeString(html, "<html><head><title>An inspection of probation services in: Gwent PDU</title></head><body>"
                + "<h1>An inspection of probation services in: Gwent PDU</h1><p>HM Inspectorate of Probation</p>"
                + "<p>Gwent Probation Delivery Unit (PDU) has been rated “Good”, scoring seventeen points out of a possible 27.</p>"
                + "</body></html>");
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            code = Main.commandLine().execute("extract", html.toString(), "--json");
        } finally {
            System.setOut(original);
        }
        assertThat(code).isZero();
        JsonNode got = new ObjectMapper().readTree(buffer.toString(StandardCharsets.UTF_8));
        assertThat(got.path("doc_type").asText()).isEqualTo("press_release");
        assertThat(got.path("status").path("level").asText()).isEqualTo("not_a_report");
        assertThat(got.path("stated_ratings").get(0).path("provider").asText()).isEqualTo("Gwent Probation Delivery Unit (PDU)");
        assertThat(got.path("stated_ratings").get(0).path("overall_rating").asText()).isEqualTo("Good");
        assertThat(got.path("stated_ratings").get(0).path("score").path("points").asInt()).isEqualTo(17);
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
