package hmip.web;

import static org.assertj.core.api.Assertions.assertThat;

import hmip.trends.TrendDefinition;
import hmip.trends.TrendFilter;
import hmip.trends.TrendTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A failure inside the server reaches the client as a plain 500, never as a stack trace or a path. */
class InternalErrorTest {
    static final TrendSource BROKEN = new TrendSource() {
        @Override
        public List<TrendDefinition> catalog() {
            return List.of(new TrendDefinition("broken", "Broken", "always fails"));
        }

        @Override
        public TrendTable run(Connection c, String name, TrendFilter f) {
            throw new IllegalStateException("secret detail at /work/somewhere/hmip.duckdb");
        }
    };

    @Test
    void failuresArePlain500sAndPagesCarryOn() throws Exception {
        WebServer.Options o = Fixture.get().options();
        PrintStream err = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)); // expected trace
        try (WebServer server = WebServer.start(new WebServer.Options(o.db(), o.index(), o.home(), o.host(), 0, BROKEN))) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/trends/broken"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).isEqualTo(500);
            assertThat(api.body()).contains("internal error").doesNotContain("secret", "/work/", "Exception", "\tat ");
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/trends")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("cannot be computed").doesNotContain("secret");
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/health"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        } finally {
            System.setErr(err);
        }
    }
}
