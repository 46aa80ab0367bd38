package hmip.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled site structures, landing and listing pages read with them, the manifest file, Retry-After. No network. */
class SiteConfigAndPagesTest {
    @TempDir
    Path tmp;

    @Test
    void bothBundledSourcesLoadAndSayWhatIsUnverified() throws Exception {
        for (String name : SiteConfig.BUNDLED) {
            SiteConfig c = SiteConfig.load(name);
            assertThat(c.hosts()).isNotEmpty();
            assertThat(c.listing().url()).contains("{page}").startsWith("https://");
            assertThat(c.landing().report()).isNotNull();
            assertThat(c.verified()).isNotBlank();
        }
        assertThat(SiteConfig.load("justiceinspectorates").listing().resultLinks()).isEqualTo("div.result.inspection h4 a[href]");
        assertThat(SiteConfig.forHost("hmiprobation.justiceinspectorates.gov.uk").name()).isEqualTo("hmiprobation");
        assertThatThrownBy(() -> SiteConfig.load("nowhere")).isInstanceOf(NoSuchElementException.class).hasMessageContaining("bundled");
    }

    @Test
    void aLandingPageGivesTitleDateReportAndPressRelease() throws Exception {
        String html = "<html><body><h1>An inspection of probation services in: Gwent PDU</h1>"
                + "<div id=\"inspection-meta\"><dl><dt>Inspection type</dt><dd>Probation</dd>"
                + "<dt>Date of publication</dt><dd>27th July 2023</dd></dl></div>"
                + "<a href=\"/files/gwent-annex.pdf\">Annex data</a>"
                + "<a href=\"/files/gwent.pdf#page=2\">Gwent PDU Inspection report</a>"
                + "<a href=\"/hmiprobation/media/press-releases/2023/07/gwent/\">Read the press release</a></body></html>";
        PageReader.Landing l = PageReader.landing(html, "https://www.justiceinspectorates.gov.uk/hmiprobation/inspections/gwent/",
                SiteConfig.load("justiceinspectorates").landing());
        assertThat(l.title()).isEqualTo("An inspection of probation services in: Gwent PDU");
        assertThat(l.published()).isEqualTo("2023-07-27");
        assertThat(l.reportUrl()).isEqualTo("https://www.justiceinspectorates.gov.uk/files/gwent.pdf");
        assertThat(l.pressReleaseUrl()).endsWith("/media/press-releases/2023/07/gwent/");
        assertThat(PageReader.links("<div class='result inspection'><h4><a href='a/'>A</a></h4></div><h4><a href='b/'>B</a></h4>",
                "https://x.test/list/", "div.result.inspection h4 a[href]")).containsExactly("https://x.test/list/a/");
        assertThat(PageReader.date("2023-07-27T09:30:00+01:00", List.of())).isEqualTo("2023-07-27");
        assertThat(PageReader.date("sometime", List.of("d MMMM yyyy"))).isNull();
    }

    @Test
    void theManifestRoundTripsAndIngestSkipsFetchBookkeeping() throws Exception {
        Manifest m = Manifest.read(tmp);
        m.put(new Manifest.Row("https://h.test/a.pdf", "https://h.test/a/", Manifest.REPORT, "A, \"quoted\" title", "2023-07-27",
                "a.pdf", "ab", 12L, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "\"e1\"", null, Manifest.DOWNLOADED, null));
        Manifest again = Manifest.read(tmp);
        assertThat(again.get("https://h.test/a.pdf").orElseThrow().title()).isEqualTo("A, \"quoted\" title");
        assertThat(again.get("https://h.test/a.pdf").orElseThrow().etag()).isEqualTo("\"e1\"");
        Files.writeString(tmp.resolve("a.pdf"), "%PDF-");
        SourceManifest.Source s = new SourceManifest().find(tmp.resolve("a.pdf")).orElseThrow();
        assertThat(s.url()).isEqualTo("https://h.test/a.pdf");
        assertThat(s.retrievedAt()).isNotNull();
        assertThat(SourceManifest.isFetchBookkeeping(tmp, tmp.resolve("manifest.csv"))).isTrue();
        assertThat(SourceManifest.isFetchBookkeeping(tmp, tmp.resolve(".fetch/parts/x.part"))).isTrue();
        assertThat(SourceManifest.isFetchBookkeeping(tmp, tmp.resolve("a.pdf"))).isFalse();
    }

    @Test
    void retryAfterInSecondsOrAsADate() {
        assertThat(PoliteHttp.retryAfter("120")).contains(Duration.ofSeconds(120));
        assertThat(PoliteHttp.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).contains(Duration.ZERO);
        assertThat(PoliteHttp.retryAfter("soon")).isEmpty();
    }
}
