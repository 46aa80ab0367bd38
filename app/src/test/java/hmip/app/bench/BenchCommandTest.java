package hmip.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hmip.app.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark code works end to end on a tiny corpus; the real benchmark is `hmip bench`, not a test. */
class BenchCommandTest {
    @TempDir
    Path tmp;

    @Test
    void tinyBenchProducesOneJsonObjectAndSavesIt() throws Exception {
        Path root = Path.of(System.getProperty("hmip.root", "..")).toAbsolutePath();
        Path results = tmp.resolve("results");
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            code = Main.commandLine().execute("bench", "--json", "--docs", "3", "--passages", "300", "--threads", "1",
                    "--samples", root.resolve("data/reports").toString(), "--results", results.toString(),
                    "--work", tmp.resolve("work").toString(), "--ingest-jvm-opts", "-Xmx512m", "--skip-judged");
        } finally {
            System.setOut(stdout);
        }
        assertThat(code).isZero();
        JsonNode json = new ObjectMapper().readTree(captured.toString(StandardCharsets.UTF_8).strip());
        assertThat(json.path("corpus").path("documents").asInt()).isEqualTo(3);
        long pages = json.path("corpus").path("pages").asLong();
        assertThat(pages).isPositive();
        assertThat(json.path("ingest").path("pages").asLong()).isEqualTo(pages);
        assertThat(json.path("ingest").path("documents").asInt()).isEqualTo(3);
        assertThat(json.path("stages").path("parse").path("calls").asInt()).isEqualTo(3);
        assertThat(json.path("stages").path("parse").path("pages_per_second").asDouble()).isPositive();
        assertThat(json.path("reingest").path("unchanged").asInt()).isEqualTo(3);
        assertThat(json.path("peers")).hasSize(3);
        for (JsonNode peer : json.path("peers")) {
            if (peer.path("available").asBoolean()) {
                assertThat(peer.path("failures").asInt()).as(peer.toString()).isZero();
                assertThat(peer.path("pipeline_ratio").asDouble()).isPositive();
            }
        }
        JsonNode embedding = json.path("embedding");
        assertThat(embedding.path("available").asBoolean()).as(embedding.toString()).isTrue();
        assertThat(embedding.path("passages").asInt()).isPositive();
        assertThat(embedding.path("passages_per_second").asDouble()).isPositive();
        assertThat(json.path("search").path("passages").asInt()).isEqualTo(300);
        assertThat(json.path("search").path("p95_ms").asDouble()).isPositive();
        assertThat(json.path("search").path("hybrid_p95_ms").asDouble()).isPositive();
        assertThat(json.path("checks").has("hybrid_search_p95<60ms")).isTrue();
        assertThat(json.path("checks").has("embedding>=250_passages/s")).isTrue();
        assertThat(json.path("memory").path("peak_heap_used_bytes").asLong()).isPositive();
        assertThat(json.path("checks").has("search_p95<20ms")).isTrue();
        try (Stream<Path> saved = Files.list(results)) {
            assertThat(saved.filter(p -> p.getFileName().toString().endsWith(".json")).count()).isEqualTo(1);
        }
    }

    @Test
    void percentilesAreNearestRank() {
        double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(SearchBench.percentile(v, 50)).isEqualTo(5);
        assertThat(SearchBench.percentile(v, 95)).isEqualTo(10);
        assertThat(SearchBench.percentile(v, 10)).isEqualTo(1);
    }
}
