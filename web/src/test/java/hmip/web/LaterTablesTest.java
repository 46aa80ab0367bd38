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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables the validation stage adds later (check findings, a geography lineage) are picked up when
 * present: here they are added to a copy of the fixture warehouse.
 */
class LaterTablesTest {
    @TempDir
    Path tmp;

    @Test
    void checkFindingsAndLineageTablesAreUsedWhenPresent() throws Exception {
        Fixture f = Fixture.get();
        Path db = tmp.resolve("copy.duckdb");
        Files.copy(f.db, db);
        try (Warehouse wh = Warehouse.open(db); Statement st = wh.connection().createStatement()) {
            st.execute("CREATE TABLE check_findings (doc_id VARCHAR, check_name VARCHAR, severity VARCHAR, message VARCHAR)");
            st.execute("INSERT INTO check_findings VALUES ('001_26fef9cbb675eeb2', 'score_recomputed', 'warning', "
                    + "'printed score 4/24 <b>differs</b>')");
            st.execute("CREATE TABLE ref_region_lineage (nps_division VARCHAR, region_2021 VARCHAR)");
            st.execute("INSERT INTO ref_region_lineage VALUES ('North West', 'North West')");
        }
        WebServer.Options o = f.options();
        try (WebServer server = WebServer.start(new WebServer.Options(db, o.index(), o.home(), o.host(), 0, o.trends()))) {
            HttpClient http = HttpClient.newHttpClient();
            ObjectMapper json = new ObjectMapper();
            JsonNode doc = json.readTree(http.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                    + "/api/documents/001_26fef9cbb675eeb2")).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(doc.path("check_findings_available").asBoolean()).isTrue();
            assertThat(doc.path("check_findings").get(0).path("check_name").asText()).isEqualTo("score_recomputed");
            String page = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/doc/001_26fef9cbb675eeb2"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(page).contains("score_recomputed").contains("&lt;b&gt;differs").doesNotContain("<b>differs");

            JsonNode cmp = json.readTree(http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/compare"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(cmp.path("lineage_source").asText()).contains("ref_region_lineage");
            JsonNode nw = cmp.path("divisions").get(0);
            nw.path("pdus").forEach(u -> assertThat(u.path("region").asText()).isEqualTo("North West"));
        }
    }
}
