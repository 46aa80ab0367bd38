package hmip.app;

import static org.assertj.core.api.Assertions.assertThat;

import hmip.fetch.FetchFailure;
import hmip.fetch.FetchOptions;
import hmip.fetch.Fetcher;
import hmip.fetch.Manifest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Fetcher} against the fixture site: every politeness and safety rule of issue 13, a second run that only
 * asks "has it changed?", a changed file, slow and dropped responses, and a partial download continued. Waits are
 * a few milliseconds (one test waits a 1 s Retry-After, to show it is honoured).
 */
class FetchPolitenessTest {
    @TempDir
    Path tmp;
    private FixtureSite site;
    private byte[] pdfA, pdfB;

    static Path root() { return Path.of(System.getProperty("hmip.root", "..")); }

    @BeforeEach
    void start() throws Exception {
        site = new FixtureSite();
        pdfA = Files.readAllBytes(root().resolve("data/reports/001_26fef9cbb675eeb2.pdf"));
        pdfB = Files.readAllBytes(root().resolve("data/reports/003_87f4258a3b1d4f5f.pdf"));
        site.put("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8));
        site.put("/reports/a.pdf", "application/pdf", pdfA);
        site.put("/private/secret.pdf", "application/pdf", pdfB);
        site.put("/reports/busy.pdf", "application/pdf", pdfB).misbehave = FixtureSite.busy(429, 1, "1");
        site.put("/reports/closed.pdf", "application/pdf", pdfB).misbehave = FixtureSite.busy(503, 99, "3600");
        site.put("/reports/moved.pdf", "application/pdf", pdfB).misbehave = FixtureSite.redirect(301, "/reports/b.pdf");
        site.put("/reports/b.pdf", "application/pdf", pdfB);
        site.put("/reports/away.pdf", "application/pdf", pdfB).misbehave =
                FixtureSite.redirect(302, "http://reports.elsewhere.invalid/x.pdf");
        site.html("/reports/not-a.pdf", "<html><body>Sorry, this report has moved.</body></html>");
        site.put("/reports/huge.pdf", "application/pdf", pdfA);
        site.put("/reports/slow.pdf", "application/pdf", pdfB).misbehave = FixtureSite.slow(99, 700);
        site.put("/reports/slow-once.pdf", "application/pdf", pdfB).misbehave = FixtureSite.slow(1, 700);
        site.put("/reports/dropped.pdf", "application/pdf", pdfA).misbehave = FixtureSite.cutOffOnce();
    }

    @AfterEach
    void stop() { site.close(); }

    private FetchOptions options(Path out) {
        return FetchOptions.defaults(out, "0.1.0", "tests@example.invalid")
                .withTimings(Duration.ofMillis(20), Duration.ofMillis(300), Duration.ofMillis(5), Duration.ofSeconds(5))
                .withMaxBytes(pdfA.length + pdfB.length) // huge.pdf is made larger than this below
                .withRetries(2);
    }

    private Fetcher.Summary fetch(Path out, String... targets) throws Exception {
        List<String> urls = java.util.Arrays.stream(targets).map(site::url).toList();
        return new Fetcher(options(out), Set.of("127.0.0.1"), null).fetchUrls(urls);
    }

    @Test
    void eachRuleOfPolitenessAndSafety() throws Exception {
        byte[] huge = new byte[pdfA.length + pdfB.length + 10];
        System.arraycopy(pdfA, 0, huge, 0, pdfA.length);
        site.change("/reports/huge.pdf", huge);
        Path out = tmp.resolve("out");
        Fetcher.Summary s = fetch(out, "/reports/a.pdf", "/private/secret.pdf", "/reports/missing.pdf",
                "/reports/busy.pdf", "/reports/closed.pdf", "/reports/moved.pdf", "/reports/away.pdf",
                "/reports/not-a.pdf", "/reports/huge.pdf", "/reports/slow.pdf", "/reports/slow-once.pdf");
        Map<String, String> byUrl = new HashMap<>();
        for (Fetcher.Outcome o : s.outcomes()) {
            byUrl.put(o.url().replace(site.base(), ""), o.failure() == null ? o.status() : o.failure().name());
        }
        assertThat(byUrl).containsEntry("/reports/a.pdf", "downloaded")
                .containsEntry("/private/secret.pdf", FetchFailure.DISALLOWED_BY_ROBOTS.name())
                .containsEntry("/reports/missing.pdf", FetchFailure.NOT_FOUND.name())
                .containsEntry("/reports/busy.pdf", "downloaded")
                .containsEntry("/reports/closed.pdf", FetchFailure.GAVE_UP.name())
                .containsEntry("/reports/moved.pdf", "downloaded")
                .containsEntry("/reports/away.pdf", FetchFailure.OFF_SITE.name())
                .containsEntry("/reports/not-a.pdf", FetchFailure.NOT_A_PDF.name())
                .containsEntry("/reports/huge.pdf", FetchFailure.TOO_LARGE.name())
                .containsEntry("/reports/slow.pdf", FetchFailure.GAVE_UP.name())
                .containsEntry("/reports/slow-once.pdf", "downloaded");
        assertThat(s.failures()).allSatisfy(f -> assertThat(f.reason()).isNotBlank());
        assertThat(s.failures().stream().filter(f -> f.url().endsWith("closed.pdf")).findFirst().orElseThrow().reason())
                .contains("Retry-After 3600 s");

        // robots.txt read once, the disallowed path never asked for, every request with hmip's User-Agent
        assertThat(site.requestsFor("/robots.txt")).hasSize(1);
        assertThat(site.requestsFor("/private/secret.pdf")).isEmpty();
        assertThat(site.requests).allSatisfy(r -> assertThat(r.header("user-agent")).startsWith("hmip/0.1.0 (+").contains("tests@example.invalid"));
        // 429 honoured: the retry came after the 1 s Retry-After, not after the 5 ms backoff
        List<FixtureSite.Req> busy = site.requestsFor("/reports/busy.pdf");
        assertThat(busy).extracting(FixtureSite.Req::status).containsExactly(429, 200);
        assertThat(Duration.ofNanos(busy.get(1).nanos() - busy.get(0).nanos())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(site.requestsFor("/reports/closed.pdf")).hasSize(1); // Retry-After beyond the limit: no retry
        assertThat(site.arrivals("/reports/slow.pdf")).isEqualTo(3); // first try + 2 retries, each timed out
        // the redirect was followed to the same host and its target fetched; the off-site one never left
        assertThat(site.requestsFor("/reports/b.pdf")).hasSize(1);

        // files complete, named after the URL, nothing partial left, manifest with every column
        assertThat(Files.readAllBytes(out.resolve("a.pdf"))).isEqualTo(pdfA);
        assertThat(Files.readAllBytes(out.resolve("b.pdf"))).isEqualTo(pdfB); // named after where the redirect led
        assertThat(Files.exists(out.resolve("not-a.pdf"))).isFalse();
        assertThat(Files.exists(out.resolve("huge.pdf"))).isFalse();
        try (var parts = Files.list(out.resolve(".fetch/parts"))) {
            assertThat(parts.filter(p -> p.toString().endsWith(".part")).toList()).isEmpty();
        }
        Manifest m = Manifest.read(out);
        Manifest.Row a = m.get(site.url("/reports/a.pdf")).orElseThrow();
        assertThat(a.kind()).isEqualTo(Manifest.REPORT);
        assertThat(a.sha256()).hasSize(64);
        assertThat(a.bytes()).isEqualTo(pdfA.length);
        assertThat(a.etag()).startsWith("\"v");
        assertThat(a.lastModified()).contains("2023");
        assertThat(a.retrievedAt()).endsWith("Z");
        assertThat(m.get(site.url("/reports/missing.pdf")).orElseThrow().error()).contains("404");
        assertThat(Files.readString(out.resolve("manifest.csv")).lines().findFirst().orElseThrow())
                .isEqualTo("url,landing_url,kind,title,published,file,sha256,bytes,retrieved_at,checked_at,etag,last_modified,status,error");
    }

    @Test
    void aSecondRunOnlyAsksWhetherAnythingChangedAndTakesOnlyTheChangedFile() throws Exception {
        Path out = tmp.resolve("out");
        fetch(out, "/reports/a.pdf", "/reports/b.pdf", "/reports/moved.pdf");
        FileTime aTime = Files.getLastModifiedTime(out.resolve("a.pdf"));
        int before = site.requests.size();

        Fetcher.Summary second = fetch(out, "/reports/a.pdf", "/reports/b.pdf", "/reports/moved.pdf");
        List<FixtureSite.Req> run2 = List.copyOf(site.requests.subList(before, site.requests.size()));
        assertThat(second.outcomes()).extracting(Fetcher.Outcome::status).containsOnly(Manifest.UNCHANGED);
        assertThat(run2).isNotEmpty().allSatisfy(r -> assertThat(r.conditional()).as(r.target()).isTrue());
        assertThat(run2).extracting(FixtureSite.Req::status).containsOnly(304, 301);
        assertThat(Files.getLastModifiedTime(out.resolve("a.pdf"))).isEqualTo(aTime);

        site.change("/reports/a.pdf", pdfB); // the report is republished
        int before3 = site.requests.size();
        Fetcher.Summary third = fetch(out, "/reports/a.pdf", "/reports/b.pdf");
        assertThat(third.outcomes()).extracting(o -> o.url().replace(site.base(), "") + " " + o.status())
                .containsExactly("/reports/a.pdf downloaded", "/reports/b.pdf unchanged");
        assertThat(Files.readAllBytes(out.resolve("a.pdf"))).isEqualTo(pdfB);
        assertThat(site.requests.subList(before3, site.requests.size())).extracting(FixtureSite.Req::status)
                .containsExactly(304, 200, 304); // robots.txt, a.pdf (changed), b.pdf
    }

    @Test
    void aPartialDownloadIsContinuedWithARangeRequest() throws Exception {
        Path out = tmp.resolve("out");
        // a body cut off midway: the retry asks for the rest only
        Fetcher.Summary s = fetch(out, "/reports/dropped.pdf");
        assertThat(s.failures()).isEmpty();
        assertThat(Files.readAllBytes(out.resolve("dropped.pdf"))).isEqualTo(pdfA);
        List<FixtureSite.Req> reqs = site.requestsFor("/reports/dropped.pdf");
        assertThat(reqs).hasSize(2);
        assertThat(reqs.get(1).header("range")).isEqualTo("bytes=" + pdfA.length / 2 + "-");
        assertThat(reqs.get(1).header("if-range")).isNotNull();
        assertThat(reqs.get(1).status()).isEqualTo(206);
        assertThat(Manifest.read(out).get(site.url("/reports/dropped.pdf")).orElseThrow().bytes()).isEqualTo(pdfA.length);
    }

    @Test
    void theUserAgentAndDefaultsSuitTheLiveSite() {
        FetchOptions d = FetchOptions.defaults(tmp, "0.1.0", null);
        assertThat(d.delay()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(d.userAgent()).isEqualTo("hmip/0.1.0 (+HM Inspectorate of Probation reports research pipeline)");
        assertThat(d.retries()).isPositive();
        assertThat(d.maxBytes()).isEqualTo(100L * 1024 * 1024);
    }
}
