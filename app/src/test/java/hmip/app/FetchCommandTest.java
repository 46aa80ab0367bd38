package hmip.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hmip.fetch.Manifest;
import hmip.fetch.SiteConfig;
import hmip.load.Warehouse;
import hmip.web.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hmip fetch} end to end against a fixture copy of the site's structure: listing pages with pagination and a
 * year, landing pages with their date of publication, report PDFs (copies of data/reports) and press releases
 * written for this test; then {@code hmip ingest} of the folder, {@code hmip check}, and the API's document view.
 */
class FetchCommandTest {
    @TempDir
    Path tmp;
    private FixtureSite site;
    private static final String LISTING = "/hmiprobation/inspections?probation-inspection-type=&paged=%d&year=2023";

    @BeforeEach
    void start() throws Exception {
        site = new FixtureSite();
        Path reports = FetchPolitenessTest.root().resolve("data/reports");
        site.put("/robots.txt", "text/plain", "User-agent: *\nDisallow: /wp-admin/\n".getBytes(StandardCharsets.UTF_8));
        site.html(String.format(LISTING, 0), listing("liverpool-north-pdu", "Liverpool North PDU"));
        site.html(String.format(LISTING, 1), listing("cheshire-west-pdu", "Cheshire West PDU"));
        site.html(String.format(LISTING, 2), "<html><body><p>No inspections found.</p></body></html>");
        site.html("/hmiprobation/inspections/liverpool-north-pdu/", landing("Liverpool North PDU", "liverpool-north", "15 June 2023", ""));
        site.html("/hmiprobation/inspections/cheshire-west-pdu/", landing("Cheshire West PDU", "cheshire-west", "15 June 2023",
                "<p>Overall, Cheshire West PDU was rated ‘Requires improvement’.</p>"));
        site.put("/hmiprobation/wp-content/uploads/sites/5/2023/06/liverpool-north.pdf", "application/pdf",
                Files.readAllBytes(reports.resolve("001_26fef9cbb675eeb2.pdf")));
        site.put("/hmiprobation/wp-content/uploads/sites/5/2023/06/cheshire-west.pdf", "application/pdf",
                Files.readAllBytes(reports.resolve("003_87f4258a3b1d4f5f.pdf")));
        site.html("/hmiprobation/media/press-releases/2023/06/liverpool-north/", pressRelease(
                "Liverpool North probation service rated ‘Requires improvement’",
                "Liverpool North Probation Delivery Unit (PDU) has been rated ‘Requires improvement’ by HM Inspectorate of Probation.",
                "The PDU scored four inspection points out of a possible 24."));
        site.html("/hmiprobation/media/press-releases/2023/06/cheshire-west/", pressRelease(
                "Inspectors publish findings on probation services in Cheshire West",
                "Cheshire West PDU has received an overall rating of 'Requires improvement', scoring seven out of a possible 24.",
                "Inspectors found that staff were committed but caseloads were too high."));
    }

    @AfterEach
    void stop() { site.close(); }

    private String listing(String slug, String unit) {
        return "<html><body><div class=\"results\"><div class=\"result inspection\"><h4><a href=\"" + site.base()
                + "/hmiprobation/inspections/" + slug + "/\">An inspection of probation services in: " + unit
                + "</a></h4><p>Probation services</p></div></div></body></html>";
    }

    private static String landing(String unit, String file, String date, String summary) {
        return "<html><head><title>" + unit + " – HM Inspectorate of Probation</title></head><body>"
                + "<h1>An inspection of probation services in: " + unit + "</h1>"
                + "<div id=\"inspection-meta\"><dl><dt>Inspection type</dt><dd>Probation services</dd>"
                + "<dt>Date of publication</dt><dd>" + date + "</dd></dl></div>" + summary
                + "<ul><li><a href=\"/hmiprobation/wp-content/uploads/sites/5/2023/06/" + file + "-annex.pdf\">Annex: data tables (PDF)</a></li>"
                + "<li><a href=\"/hmiprobation/wp-content/uploads/sites/5/2023/06/" + file + ".pdf\">" + unit + " inspection report (PDF)</a></li>"
                + "<li><a href=\"/hmiprobation/media/press-releases/2023/06/" + file + "/\">Press release</a></li></ul>"
                + "</body></html>";
    }

    private static String pressRelease(String headline, String... paragraphs) {
        StringBuilder b = new StringBuilder("<html><head><title>" + headline + "</title></head><body>"
                + "<nav>Home About us Inspections Media</nav><article><h1>" + headline + "</h1><p>15 June 2023</p>");
        for (String p : paragraphs) b.append("<p>").append(p).append("</p>");
        return b.append("</article></body></html>").toString();
    }

    private static Cli.Run hmip(String... args) {
        return Cli.run(args);
    }

    private Path sourceFile() throws Exception {
        Path json = tmp.resolve("fixture-source.json");
        new ObjectMapper().writeValue(json.toFile(), SiteConfig.load("justiceinspectorates").withOrigin(site.base()));
        return json;
    }

    private static final String[] QUICK = {"--delay-ms", "5", "--backoff", "0.005", "--timeout", "5", "--quiet"};

    private static String[] args(String[] head, String... tail) {
        List<String> a = new ArrayList<>(List.of(head));
        a.addAll(List.of(QUICK));
        a.addAll(List.of(tail));
        return a.toArray(String[]::new);
    }

    @Test
    void fetchSiteThenIngestGivesDocumentsWithTheirSourcesInTheWarehouseAndTheApi() throws Exception {
        Path out = tmp.resolve("downloads");
        Cli.Run fetch = hmip(args(new String[] {"fetch", "--site", sourceFile().toString(), "--out", out.toString(),
                "--from", "2023", "--to", "2023"}));
        assertThat(fetch.code()).as(fetch.out()).isZero();
        assertThat(fetch.out()).contains("6 downloaded, 0 unchanged, 0 failed");
        assertThat(site.arrivals("/hmiprobation/wp-content/uploads/sites/5/2023/06/liverpool-north-annex.pdf")).isZero();
        assertThat(site.arrivals(String.format(LISTING, 3))).isZero(); // page 2 listed nothing new: the end
        assertThat(Files.exists(out.resolve("liverpool-north.pdf"))).isTrue();
        assertThat(Files.exists(out.resolve("cheshire-west.pdf"))).isTrue();
        assertThat(Files.exists(out.resolve("press-liverpool-north.html"))).isTrue();
        assertThat(Files.exists(out.resolve("landing-cheshire-west-pdu.html"))).isTrue();
        Manifest.Row report = Manifest.read(out).get(site.url("/hmiprobation/wp-content/uploads/sites/5/2023/06/liverpool-north.pdf")).orElseThrow();
        assertThat(report.landingUrl()).isEqualTo(site.url("/hmiprobation/inspections/liverpool-north-pdu/"));
        assertThat(report.published()).isEqualTo("2023-06-15");
        assertThat(report.title()).isEqualTo("An inspection of probation services in: Liverpool North PDU");

        Path db = tmp.resolve("w.duckdb"), index = tmp.resolve("index");
        Cli.Run ingest = hmip("ingest", out.toString(), "--db", db.toString(), "--index", index.toString(), "--quiet", "--threads", "2");
        assertThat(ingest.code()).as(ingest.out()).isZero();
        // 2 reports, 2 press releases, 2 landing pages; no manifest, no .fetch
        assertThat(ingest.out()).contains("6 ok (2 complete, 0 partial, 4 not a report), 0 failed");
        hmip("check", "--db", db.toString()); // cross-document checks, stored
        try (Warehouse wh = Warehouse.openReadOnly(db); Statement st = wh.connection().createStatement()) {
            assertThat(rows(st, "SELECT doc_id || ' ' || doc_type || ' ' || coalesce(source_published, '') || ' ' || "
                    + "(source_url IS NOT NULL) || ' ' || (retrieved_at IS NOT NULL) FROM documents ORDER BY doc_id"))
                    .containsExactly("cheshire-west pdu_report 2023-06-15 true true",
                            "landing-cheshire-west-pdu press_release 2023-06-15 true true",
                            "landing-liverpool-north-pdu other 2023-06-15 true true",
                            "liverpool-north pdu_report 2023-06-15 true true",
                            "press-cheshire-west press_release 2023-06-15 true true",
                            "press-liverpool-north press_release 2023-06-15 true true");
            assertThat(rows(st, "SELECT source_url || ' ' || landing_url FROM documents WHERE doc_id = 'liverpool-north'"))
                    .containsExactly(site.url("/hmiprobation/wp-content/uploads/sites/5/2023/06/liverpool-north.pdf") + " "
                            + site.url("/hmiprobation/inspections/liverpool-north-pdu/"));
            assertThat(rows(st, "SELECT doc_id || ': ' || provider || ' ' || rating || ' ' || coalesce(score_points || '/' || score_max, '') "
                    + "FROM stated_ratings ORDER BY doc_id"))
                    .containsExactly("landing-cheshire-west-pdu: Cheshire West PDU Requires improvement ",
                            "press-cheshire-west: Cheshire West PDU Requires improvement 7/24",
                            "press-liverpool-north: Liverpool North Probation Delivery Unit (PDU) Requires improvement 4/24");
            // the press release disagrees with the report's 'Inadequate' (written so for this test); Cheshire West agrees
            assertThat(rows(st, "SELECT check_id || ' ' || doc_id || ' ' || related_doc_id FROM check_findings "
                    + "WHERE check_id LIKE 'stated-%' ORDER BY 1"))
                    .containsExactly("stated-rating-differs press-liverpool-north liverpool-north");
        }

        try (WebServer server = WebServer.start(new WebServer.Options(db, index, tmp, "127.0.0.1", 0, null))) {
            HttpClient http = HttpClient.newHttpClient();
            JsonNode doc = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(
                    URI.create(server.baseUrl() + "/api/documents/liverpool-north")).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(doc.path("document").path("source_url").asText())
                    .isEqualTo(site.url("/hmiprobation/wp-content/uploads/sites/5/2023/06/liverpool-north.pdf"));
            assertThat(doc.path("document").path("landing_url").asText()).endsWith("/inspections/liverpool-north-pdu/");
            assertThat(doc.path("document").path("retrieved_at").asText()).isNotBlank();
            JsonNode press = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(
                    URI.create(server.baseUrl() + "/api/documents/press-liverpool-north")).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(press.path("stated_ratings").get(0).path("unit").asText()).isEqualTo("Liverpool North");
            String page = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/doc/press-liverpool-north")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(page).contains("id=\"stated-ratings\"", "id=\"source-url\"", "Requires improvement");
        }

        // a second fetch asks only "has it changed?" and downloads nothing
        int before = site.requests.size();
        Cli.Run again = hmip(args(new String[] {"fetch", "--site", sourceFile().toString(), "--out", out.toString(),
                "--from", "2023", "--to", "2023"}));
        assertThat(again.out()).contains("0 downloaded");
        List<FixtureSite.Req> second = List.copyOf(site.requests.subList(before, site.requests.size()));
        assertThat(second).isNotEmpty().allSatisfy(r -> assertThat(r.conditional() || r.status() == 404).as(r.target()).isTrue());
        assertThat(second).extracting(FixtureSite.Req::status).doesNotContain(200);
    }

    @Test
    void fetchUrlsNamesEachFailureAndExitsThree() throws Exception {
        Path list = tmp.resolve("urls.txt");
        Files.writeString(list, String.join("\n", "# landing page, a PDF, a missing PDF",
                site.url("/hmiprobation/inspections/cheshire-west-pdu/"),
                site.url("/hmiprobation/wp-content/uploads/sites/5/2023/06/liverpool-north.pdf"),
                site.url("/hmiprobation/wp-content/uploads/sites/5/2023/06/gone.pdf")));
        Path out = tmp.resolve("urls-out");
        Cli.Run r = hmip(args(new String[] {"fetch", "--urls", list.toString(), "--out", out.toString()}));
        assertThat(r.code()).isEqualTo(FetchCommand.SOME_URLS_FAILED);
        assertThat(r.out()).contains("FAILED  " + site.url("/hmiprobation/wp-content/uploads/sites/5/2023/06/gone.pdf")
                + "  [NOT_FOUND] not found (HTTP 404/410): HTTP 404");
        assertThat(r.out()).contains("4 downloaded"); // landing page, its report and press release, the PDF
        assertThat(Files.exists(out.resolve("cheshire-west.pdf"))).isTrue();
        assertThat(Files.exists(out.resolve("liverpool-north.pdf"))).isTrue();
        Path db = tmp.resolve("u.duckdb");
        assertThat(hmip("ingest", out.toString(), "--db", db.toString(), "--index", tmp.resolve("u-index").toString(),
                "--quiet").code()).isZero();
        try (Warehouse wh = Warehouse.openReadOnly(db); Statement st = wh.connection().createStatement()) {
            assertThat(rows(st, "SELECT count(*) FROM documents WHERE source_url IS NOT NULL")).containsExactly("4");
            assertThat(rows(st, "SELECT coalesce(landing_url, '-') FROM documents WHERE doc_id = 'liverpool-north'")).containsExactly("-");
        }
    }

    @Test
    void aKilledFetchResumesItsPartialDownload() throws Exception {
        CountDownLatch halfSent = new CountDownLatch(1), release = new CountDownLatch(1);
        String target = "/hmiprobation/wp-content/uploads/sites/5/2023/06/liverpool-north.pdf";
        site.put(target, "application/pdf", Files.readAllBytes(FetchPolitenessTest.root().resolve("data/reports/001_26fef9cbb675eeb2.pdf")))
                .misbehave = FixtureSite.stallOnce(halfSent, release);
        Path list = tmp.resolve("urls.txt");
        Files.writeString(list, site.url(target) + "\n");
        Path out = tmp.resolve("out");
        Process child = ChildJvm.start(tmp.resolve("child.log"), Main.class, args(new String[] {"fetch", "--urls",
                list.toString(), "--out", out.toString()}));
        try {
            assertThat(halfSent.await(60, TimeUnit.SECONDS)).as("the child started downloading").isTrue();
            Thread.sleep(200); // let the half reach the part file
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            release.countDown();
        }
        assertThat(Files.exists(out.resolve("liverpool-north.pdf"))).as("nothing partial in place").isFalse();
        long partial;
        try (var parts = Files.list(out.resolve(".fetch/parts"))) {
            Path part = parts.filter(p -> p.toString().endsWith(".part")).findFirst().orElseThrow();
            partial = Files.size(part);
        }
        assertThat(partial).isPositive();

        Cli.Run resumed = hmip(args(new String[] {"fetch", "--urls", list.toString(), "--out", out.toString()}));
        assertThat(resumed.code()).as(resumed.out()).isZero();
        List<FixtureSite.Req> reqs = site.requestsFor(target);
        assertThat(reqs.get(reqs.size() - 1).header("range")).isEqualTo("bytes=" + partial + "-");
        assertThat(reqs.get(reqs.size() - 1).status()).isEqualTo(206);
        assertThat(Files.readAllBytes(out.resolve("liverpool-north.pdf")))
                .isEqualTo(Files.readAllBytes(FetchPolitenessTest.root().resolve("data/reports/001_26fef9cbb675eeb2.pdf")));
    }

    private static List<String> rows(Statement st, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }
}
