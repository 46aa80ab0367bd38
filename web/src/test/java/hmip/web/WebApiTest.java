package hmip.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON API and the server's handling of hostile input, over the sample reports and gold extractions. */
class WebApiTest {
    static WebServer server;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        server = WebServer.start(Fixture.get().options());
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static HttpResponse<String> get(String pathAndQuery) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(90)).GET().build();
        return HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(String pathAndQuery) throws Exception {
        HttpResponse<String> r = get(pathAndQuery);
        assertThat(r.statusCode()).as(pathAndQuery + " -> " + r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("application/json");
        return JSON.readTree(r.body());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void searchReturnsHighlightedHitsWithFacetsAndSources() throws Exception {
        JsonNode r = json("/api/search?q=" + enc("domestic abuse") + "&limit=5");
        assertThat(r.path("total").asInt()).isGreaterThan(5);
        assertThat(r.path("hits")).hasSize(5);
        JsonNode hit = r.path("hits").get(0);
        assertThat(hit.path("highlight").asText()).contains("[[");
        assertThat(hit.path("pdf_url").asText()).startsWith("/files/" + hit.path("doc_id").asText());
        assertThat(hit.path("document_url").asText()).startsWith("/doc/");
        List<String> regions = new ArrayList<>();
        r.path("facets").path("region").forEach(v -> regions.add(v.path("value").asText()));
        assertThat(regions).contains("North West", "Greater Manchester");
        assertThat(r.path("facets").has("kind")).isTrue();
        assertThat(r.path("facets").has("addressee")).isTrue();
    }

    @Test
    void filtersNarrowAndPagesDoNotOverlap() throws Exception {
        JsonNode gm = json("/api/search?q=" + enc("domestic abuse") + "&region=" + enc("greater manchester") + "&limit=100");
        assertThat(gm.path("total").asInt()).isPositive();
        gm.path("hits").forEach(h -> assertThat(h.path("region").asText()).isEqualTo("Greater Manchester"));

        JsonNode recs = json("/api/search?q=" + enc("risk") + "&kind=recommendation&addressee=PDU&limit=100");
        assertThat(recs.path("total").asInt()).isPositive();
        recs.path("hits").forEach(h -> {
            assertThat(h.path("kind").asText()).isEqualTo("recommendation");
            assertThat(h.path("addressee").asText()).isEqualTo("PDU");
        });

        JsonNode p1 = json("/api/search?q=" + enc("staff") + "&limit=3");
        JsonNode p2 = json("/api/search?q=" + enc("staff") + "&limit=3&offset=3");
        assertThat(p1.path("hits").get(0).path("passage_id").asText())
                .isNotEqualTo(p2.path("hits").get(0).path("passage_id").asText());
        JsonNode byProvider = json("/api/search?q=" + enc("risk") + "&provider=" + enc("Wigan PDU") + "&limit=100");
        assertThat(byProvider.path("total").asInt()).isPositive();
        byProvider.path("hits").forEach(h -> assertThat(h.path("provider").asText()).isEqualTo("Wigan PDU"));
        assertThat(json("/api/search?q=staff").path("mode").asText()).as("hybrid is the default").isEqualTo("hybrid");
        JsonNode nps = json("/api/search?q=" + enc("staff") + "&framework=nps_2018&type=nps_division_report");
        assertThat(nps.path("total").asInt()).isPositive();
        nps.path("hits").forEach(h -> assertThat(h.path("framework").asText()).isEqualTo("nps_2018"));
        JsonNode year = json("/api/search?q=" + enc("staff") + "&year=2023&doc_type=pdu_report");
        year.path("hits").forEach(h -> {
            assertThat(h.path("year").asText()).isEqualTo("2023");
            assertThat(h.path("doc_type").asText()).isEqualTo("pdu_report");
        });
    }

    @Test
    void themeIsAFacetWithCountsAndLabels() throws Exception {
        JsonNode r = json("/api/search?q=" + enc("domestic abuse") + "&mode=lexical");
        JsonNode themes = r.path("facets").path("theme");
        assertThat(themes.size()).isPositive();
        JsonNode da = null;
        for (JsonNode v : themes) if (v.path("value").asText().equals("domestic_abuse")) da = v;
        assertThat(da).as("domestic_abuse among " + themes).isNotNull();
        assertThat(da.path("count").asInt()).isPositive().isLessThanOrEqualTo(r.path("total").asInt());
        assertThat(da.path("label").asText()).isEqualTo("Domestic abuse");
        assertThat(r.path("facets").path("region").get(0).has("label")).as("labels only where there is one").isFalse();
        for (int i = 1; i < themes.size(); i++) {
            assertThat(themes.get(i).path("count").asInt()).isLessThanOrEqualTo(themes.get(i - 1).path("count").asInt());
        }
    }

    @Test
    void themeFilterKeepsOnlyPassagesOfThatTheme() throws Exception {
        JsonNode all = json("/api/search?q=" + enc("risk") + "&mode=lexical&limit=100");
        JsonNode da = json("/api/search?q=" + enc("risk") + "&mode=lexical&theme=domestic_abuse&limit=100");
        assertThat(da.path("total").asInt()).isPositive().isLessThan(all.path("total").asInt());
        assertThat(da.path("filters").path("theme").asText()).isEqualTo("domestic_abuse");
        da.path("hits").forEach(h -> assertThat(textValues(h.path("themes"))).contains("domestic_abuse"));
        JsonNode facet = da.path("facets").path("theme");
        for (JsonNode v : facet) {
            if (v.path("value").asText().equals("domestic_abuse")) {
                assertThat(v.path("count").asInt()).isEqualTo(da.path("total").asInt());
            }
        }
        // the label (any case) names the same theme
        JsonNode byLabel = json("/api/search?q=" + enc("risk") + "&mode=lexical&theme=" + enc("domestic ABUSE") + "&limit=100");
        assertThat(byLabel.path("total").asInt()).isEqualTo(da.path("total").asInt());
        assertThat(JSON.readTree(get("/api/search?q=risk&theme=cheese").body()).path("error").asText())
                .contains("unknown theme").contains("domestic_abuse");
    }

    @Test
    void modeSwitchesRankingAndIsReported() throws Exception {
        String q = "/api/search?q=" + enc("help people stop hurting their partners") + "&limit=20";
        JsonNode lexical = json(q + "&mode=lexical");
        JsonNode semantic = json(q + "&mode=semantic");
        JsonNode hybrid = json(q + "&mode=hybrid");
        assertThat(lexical.path("mode").asText()).isEqualTo("lexical");
        assertThat(semantic.path("mode").asText()).isEqualTo("semantic");
        assertThat(hybrid.path("mode").asText()).isEqualTo("hybrid");
        assertThat(json(q + "&mode=SEMANTIC").path("mode").asText()).as("case-insensitive").isEqualTo("semantic");
        for (JsonNode r : List.of(lexical, semantic, hybrid)) {
            assertThat(r.path("hits").size()).as(r.path("mode").asText()).isPositive();
            assertThat(r.path("notes").toString()).doesNotContain("no vectors");
        }
        // only recommendations carry vectors in the fixture: semantic ranking can only return them
        semantic.path("hits").forEach(h -> assertThat(h.path("kind").asText()).isEqualTo("recommendation"));
        assertThat(lexical.path("hits").findValuesAsText("kind")).as("lexical ranks every kind of passage")
                .anyMatch(k -> !k.equals("recommendation"));
        assertThat(ids(semantic)).isNotEqualTo(ids(lexical));
        HttpResponse<String> bad = get("/api/search?q=staff&mode=quantum");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).path("error").asText()).contains("mode").contains("lexical, semantic, hybrid");
    }

    @Test
    void filtersAloneBrowseWithoutWords() throws Exception {
        JsonNode r = json("/api/search?theme=domestic_abuse&kind=recommendation&limit=100");
        assertThat(r.path("query").isNull()).isTrue();
        assertThat(r.path("total").asInt()).isPositive();
        assertThat(r.path("hits").size()).isEqualTo(r.path("total").asInt());
        r.path("hits").forEach(h -> {
            assertThat(h.path("kind").asText()).isEqualTo("recommendation");
            assertThat(textValues(h.path("themes"))).contains("domestic_abuse");
        });
        assertThat(r.path("notes").toString()).contains("no words given");
        assertThat(r.path("mode").asText()).isEqualTo("lexical");
        assertThat(r.path("filters").has("empty")).isFalse();
        assertThat(r.path("facets").path("region").size()).isPositive();

        JsonNode gm = json("/api/search?region=" + enc("Greater Manchester") + "&limit=3&offset=3");
        assertThat(gm.path("hits")).hasSize(3);
        gm.path("hits").forEach(h -> assertThat(h.path("region").asText()).isEqualTo("Greater Manchester"));
        assertThat(json("/api/search?q=&kind=recommendation").path("total").asInt()).isPositive();

        for (String none : List.of("/api/search?mode=hybrid", "/api/search?limit=5", "/api/search?q=&theme=")) {
            HttpResponse<String> bad = get(none);
            assertThat(bad.statusCode()).as(none).isEqualTo(400);
            assertThat(JSON.readTree(bad.body()).path("error").asText()).contains("'q' is required").contains("filter");
        }
        String page = get("/?theme=domestic_abuse").body();
        assertThat(page).contains("matching the filters").contains("Theme: Domestic abuse").contains("li class=\"hit\"");
    }

    private static List<String> ids(JsonNode result) {
        List<String> out = new ArrayList<>();
        result.path("hits").forEach(h -> out.add(h.path("passage_id").asText()));
        return out;
    }

    @Test
    void documentEndpointHasRatingsQuestionsAndRecommendations() throws Exception {
        JsonNode d = json("/api/documents/001_26fef9cbb675eeb2");
        assertThat(d.path("document").path("doc_type").asText()).isEqualTo("pdu_report");
        assertThat(d.path("document").has("path")).as("server paths are not exposed").isFalse();
        assertThat(d.path("ratings").size()).isGreaterThanOrEqualTo(8);
        assertThat(d.path("key_questions").size()).isEqualTo(13);
        assertThat(d.path("recommendations").size()).isEqualTo(9);
        assertThat(d.path("pdf_url").asText()).isEqualTo("/files/001_26fef9cbb675eeb2");
        assertThat(json("/api/documents").path("documents").size()).isEqualTo(5);
    }

    @Test
    void providerEndpointListsRatingsAcrossInspections() throws Exception {
        JsonNode p = json("/api/providers/" + enc("Liverpool North PDU").replace("+", "%20"));
        assertThat(p.path("inspections").size()).isGreaterThanOrEqualTo(2);
        assertThat(p.path("inspections").get(0).path("ratings").path("2.2").asText()).isEqualTo("Inadequate");
        assertThat(json("/api/providers").path("providers").size()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void trendsAsJsonAndCsv() throws Exception {
        JsonNode catalog = json("/api/trends");
        assertThat(catalog.path("trends").size()).isPositive();
        String name = catalog.path("trends").get(0).path("name").asText();
        JsonNode t = json("/api/trends/" + name);
        assertThat(t.path("columns").size()).isPositive();
        HttpResponse<String> csv = get("/api/trends/" + name + ".csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("content-type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("content-disposition").orElse("")).contains("attachment");
        assertThat(csv.body().lines().findFirst().orElse("")).isEqualTo(String.join(",", textValues(t.path("columns"))));
    }

    @Test
    void checkFindingsFromValidationAreOnTheDocument() throws Exception {
        JsonNode d = json("/api/documents/001_26fef9cbb675eeb2");
        assertThat(d.path("check_findings_available").asBoolean()).isTrue();
        List<String> checks = new ArrayList<>();
        d.path("check_findings").forEach(c -> checks.add(c.path("check_id").asText()));
        assertThat(checks).contains("kq-band");
        assertThat(get("/doc/001_26fef9cbb675eeb2").body()).contains("id=\"checks\"").contains("kq-band");
    }

    @Test
    void providersAreOneRowPerResolvedUnit() throws Exception {
        JsonNode p = json("/api/providers/" + enc("Knowsley and St Helens").replace("+", "%20"));
        assertThat(p.path("printed_names").size()).isGreaterThanOrEqualTo(1);
        assertThat(p.path("inspections").size()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void comparisonPutsNorthWestPdusBesideTheDivision() throws Exception {
        JsonNode c = json("/api/compare");
        assertThat(c.path("lineage_source").asText()).contains("ref_nps_lineage");
        JsonNode nw = c.path("divisions").get(0);
        assertThat(nw.path("division").asText()).isEqualTo("North West");
        List<String> regions = new ArrayList<>();
        nw.path("pdus").forEach(u -> regions.add(u.path("region").asText()));
        assertThat(regions).contains("North West", "Greater Manchester");
        assertThat(nw.path("standards").size()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void sourceFilesAreServedById() throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                + "/files/003_87f4258a3b1d4f5f")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("application/pdf");
        assertThat(new String(r.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }

    @Test
    void htmlPagesRender() throws Exception {
        for (String page : List.of("/", "/?q=" + enc("unpaid work"), "/documents", "/doc/002_dd305e50ed34b774",
                "/providers", "/provider/" + enc("Cheshire West PDU").replace("+", "%20"), "/trends", "/compare")) {
            HttpResponse<String> r = get(page);
            assertThat(r.statusCode()).as(page).isEqualTo(200);
            assertThat(r.body()).as(page).contains("<!DOCTYPE html>").doesNotContain("Exception");
        }
        assertThat(get("/assets/app.css").statusCode()).isEqualTo(200);
        String first = get("/?q=staff").body();
        assertThat(first).contains("rel=\"next\"").contains("<mark>");
        String second = get("/?q=staff&page=2").body();
        assertThat(second).contains("rel=\"prev\"").contains("<ol class=\"hits\" start=\"11\"");
    }

    static Stream<Arguments> badRequests() {
        String longQuery = "probation ".repeat(60);
        return Stream.of(
                // malformed parameters
                Arguments.of("/api/search", 400),
                Arguments.of("/api/search?q=", 400),
                Arguments.of("/api/search?q=%20%20", 400),
                Arguments.of("/api/search?q=staff&limit=abc", 400),
                Arguments.of("/api/search?q=staff&limit=0", 400),
                Arguments.of("/api/search?q=staff&limit=100000", 400),
                Arguments.of("/api/search?q=staff&limit=99999999999999999999", 400),
                Arguments.of("/api/search?q=staff&offset=-1", 400),
                Arguments.of("/api/search?q=staff&page=0", 400),
                Arguments.of("/api/search?q=staff&year=20x3", 400),
                Arguments.of("/api/search?q=staff&year=3023", 400),
                Arguments.of("/api/search?q=staff&kind=everything", 400),
                Arguments.of("/api/search?q=staff&doc_type=pdf", 400),
                Arguments.of("/api/search?q=staff&mode=quantum", 400),
                Arguments.of("/api/search?q=staff&type=pdu_report&doc_type=crc_report", 400),
                Arguments.of("/api/search?q=staff&framework=2018", 400),
                Arguments.of("/api/search?q=staff&region=Atlantis", 400),
                Arguments.of("/api/search?q=staff&theme=" + enc("no such theme"), 400),
                Arguments.of("/api/search?q=staff&addressee=" + enc("Cheshire West PDU"), 400),
                Arguments.of("/api/search?mode=semantic", 400),
                Arguments.of("/api/search?q=staff%00", 400),
                Arguments.of("/api/trends/x?from=2024&to=2020", 400),
                Arguments.of("/api/trends/x?from=soon", 400),
                Arguments.of("/api/trends/x?standard=" + enc("2.2; DROP TABLE ratings"), 400),
                Arguments.of("/api/trends/Not-A-Name", 400),
                Arguments.of("/api/trends/no_such_table", 404),
                Arguments.of("/api/trends/no_such_table?format=xml", 400),
                // SQL-like strings in typed parameters
                Arguments.of("/api/search?q=staff&region=" + enc("' OR '1'='1"), 400),
                Arguments.of("/api/search?q=staff&addressee=" + enc("x'); DROP TABLE recommendations; --"), 400),
                Arguments.of("/api/search?q=staff&doc_type=" + enc("pdu_report' OR 1=1 --"), 400),
                Arguments.of("/api/search?q=staff&year=" + enc("2023 OR 1=1"), 400),
                Arguments.of("/api/documents/" + enc("x' OR '1'='1"), 400),
                Arguments.of("/api/providers/" + enc("%' OR 1=1 --"), 404),
                // Lucene syntax the parser rejects
                Arguments.of("/api/search?q=" + enc("'; DROP TABLE documents; --"), 400),
                Arguments.of("/api/search?q=" + enc("title:[a"), 400),
                Arguments.of("/api/search?q=" + enc("\"unclosed phrase"), 400),
                Arguments.of("/api/search?q=" + enc("(staff OR"), 400),
                Arguments.of("/api/search?q=" + enc("*abuse"), 400),
                Arguments.of("/api/search?q=" + enc("staff AND"), 400),
                Arguments.of("/api/search?q=" + enc("{a TO"), 400),
                Arguments.of("/api/search?q=" + enc("\\"), 400),
                // very long input
                Arguments.of("/api/search?q=" + enc(longQuery), 400),
                Arguments.of("/api/search?q=staff&region=" + "x".repeat(200), 400),
                Arguments.of("/api/search?q=" + "a".repeat(20_000), 414),
                // path traversal and unknown ids
                Arguments.of("/files/..%2F..%2F..%2Fetc%2Fpasswd", 400),
                Arguments.of("/files/%2e%2e%2f%2e%2e%2fetc%2fpasswd", 400),
                Arguments.of("/files/..", 400),
                Arguments.of("/files/..%5C..%5Cwindows%5Cwin.ini", 400),
                Arguments.of("/files/.hidden", 400),
                Arguments.of("/files/no_such_doc", 404),
                Arguments.of("/api/documents/..%2F..%2Fetc%2Fpasswd", 400),
                Arguments.of("/api/documents/no_such_doc", 404),
                Arguments.of("/api/providers/No%20Such%20PDU", 404),
                Arguments.of("/api/no/such/endpoint", 404),
                Arguments.of("/doc/no_such_doc", 404),
                Arguments.of("/doc/" + enc("<script>alert(1)</script>"), 400));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("badRequests")
    void badInputGetsAClearClientErrorAndTheServerKeepsServing(String path, int expected) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path + " -> " + r.body()).isEqualTo(expected);
        String body = r.body();
        assertThat(body).doesNotContain("Exception", "\tat ", "at hmip.", "at io.javalin", "at org.eclipse",
                "/work/", "<script>alert");
        if (path.startsWith("/api/") || r.headers().firstValue("content-type").orElse("").startsWith("application/json")) {
            assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("application/json");
            JsonNode err = JSON.readTree(body);
            assertThat(err.path("status").asInt()).isEqualTo(expected);
            assertThat(err.path("error").asText()).isNotBlank();
        }
        assertThat(get("/api/health").statusCode()).isEqualTo(200);
    }

    @Test
    void sqlLikeQueryTextIsJustWords() throws Exception {
        String sql = "staff' OR '1'='1'; DROP TABLE documents;";
        JsonNode r = json("/api/search?q=" + enc(sql));
        assertThat(r.path("query").asText()).isEqualTo(sql);
        assertThat(r.path("total").asInt()).isPositive();
        assertThat(json("/api/documents").path("documents").size()).isEqualTo(5);
    }

    @Test
    void errorMessagesSayWhatIsWrong() throws Exception {
        assertThat(JSON.readTree(get("/api/search?q=staff&limit=abc").body()).path("error").asText())
                .contains("limit").contains("between 1 and 100");
        assertThat(JSON.readTree(get("/api/search").body()).path("error").asText()).contains("'q' is required");
        assertThat(JSON.readTree(get("/api/search?q=staff&region=Atlantis").body()).path("error").asText())
                .contains("unknown region").contains("North West");
    }

    @Test
    void onlyLoopbackHostNamesAreAnswered() throws Exception {
        assertThat(rawStatus("127.0.0.1:" + server.port())).isEqualTo(200);
        assertThat(rawStatus("localhost")).isEqualTo(200);
        assertThat(rawStatus("[::1]:" + server.port())).isEqualTo(200);
        assertThat(rawStatus("rebound.example:" + server.port())).isEqualTo(403);
        assertThat(rawStatus("127.0.0.1.rebound.example")).isEqualTo(403);
        assertThat(get("/api/health").statusCode()).isEqualTo(200);
    }

    /** Sends a request with the given Host header over a plain socket (HttpClient will not set Host). */
    private static int rawStatus(String host) throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(30_000);
            s.getOutputStream().write(("GET /api/health HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    @Test
    void concurrentRequestsAreServed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String path = i % 2 == 0 ? "/api/search?q=" + enc("management oversight") : "/api/documents/004_2024088064c08f13";
                results.add(pool.submit(() -> get(path).statusCode()));
            }
            for (Future<Integer> f : results) assertThat(f.get()).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> textValues(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
