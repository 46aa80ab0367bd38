package hmip.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hmip.load.Warehouse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages use the validation stage's tables where they exist and degrade where a warehouse predates
 * them: here they are dropped from a copy of the fixture warehouse (read-only opens do not recreate them).
 */
class LaterTablesTest {
    @TempDir
    Path tmp;

    @Test
    void pagesDegradeWithoutValidationTablesAndUseALineageTableIfAny() throws Exception {
        Fixture f = Fixture.get();
        Path db = tmp.resolve("old.duckdb");
        Files.copy(f.db, db);
        try (Warehouse wh = Warehouse.open(db); Statement st = wh.connection().createStatement()) {
            for (String view : List.of("ratings_comparable", "key_questions_comparable", "check_findings_by_document")) {
                st.execute("DROP VIEW IF EXISTS " + view);
            }
            for (String table : List.of("check_findings", "provider_resolution", "ref_nps_lineage")) {
                st.execute("DROP TABLE IF EXISTS " + table);
            }
            st.execute("CREATE TABLE my_lineage (division VARCHAR, region VARCHAR)");
            st.execute("INSERT INTO my_lineage VALUES ('North West', 'North West')");
        }
        WebServer.Options o = f.options();
        try (WebServer server = WebServer.start(new WebServer.Options(db, o.index(), o.home(), o.host(), 0, o.trends()))) {
            HttpClient http = HttpClient.newHttpClient();
            ObjectMapper json = new ObjectMapper();
            for (String page : List.of("/doc/001_26fef9cbb675eeb2", "/compare", "/providers", "/provider/Cumbria%20PDU")) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + page)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(page).isEqualTo(200);
            }
            JsonNode doc = json.readTree(http.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                    + "/api/documents/001_26fef9cbb675eeb2")).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(doc.path("check_findings_available").asBoolean()).isFalse();
            JsonNode cmp = json.readTree(http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/compare"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(cmp.path("lineage_source").asText()).contains("my_lineage");
            cmp.path("divisions").get(0).path("pdus")
                    .forEach(u -> assertThat(u.path("region").asText()).isEqualTo("North West"));
        }
    }
}
