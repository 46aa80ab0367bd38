package hmip.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index nobody ran {@code hmip embed} on: semantic and hybrid requests are answered lexically, and the
 * response says so (mode "lexical" and a note), as on the command line.
 */
class LexicalOnlyIndexTest {
    @TempDir
    Path tmp;

    @Test
    void semanticAndHybridFallBackToLexicalWithANote() throws Exception {
        Fixture f = Fixture.get();
        Path db = tmp.resolve("copy.duckdb");
        Files.copy(f.db, db);
        WebServer.Options o = f.options();
        try (WebServer server = WebServer.start(new WebServer.Options(db, f.lexicalIndex, o.home(), o.host(), 0, o.trends()))) {
            HttpClient http = HttpClient.newHttpClient();
            ObjectMapper json = new ObjectMapper();
            for (String mode : new String[] {"semantic", "hybrid", null}) {
                String url = server.baseUrl() + "/api/search?q=staff" + (mode == null ? "" : "&mode=" + mode);
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(url).isEqualTo(200);
                JsonNode body = json.readTree(r.body());
                assertThat(body.path("mode").asText()).as(url).isEqualTo("lexical");
                assertThat(body.path("notes").toString()).as(url).contains("no vectors").contains("fell back to lexical");
                assertThat(body.path("hits").size()).as(url).isPositive();
            }
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/?q=staff&mode=semantic"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.body()).contains("lexical ranking").contains("hmip embed");
        }
    }
}
