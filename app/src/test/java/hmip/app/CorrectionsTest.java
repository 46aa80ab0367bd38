package hmip.app;

import static org.assertj.core.api.Assertions.assertThat;

import hmip.load.Warehouse;
import hmip.parse.SourceFile;
import hmip.web.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An analyst's correction replaces a published value in use, keeps the published value beside it, survives
 * re-ingest, is marked as corrected in the warehouse, in {@code check} and on the web document page, and a
 * correction that no longer matches anything is reported.
 */
class CorrectionsTest {
    @TempDir
    Path tmp;

    private static Cli.Run hmip(String... args) {
        return Cli.run(args);
    }

    @Test
    void aCorrectionChangesARatingSurvivesReingestAndShowsWhereverTheValueDoes() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path pdf = Files.copy(BadInputs.samples().stream().filter(p -> p.getFileName().toString().startsWith("001_"))
                .findFirst().orElseThrow(), in.resolve("001_26fef9cbb675eeb2.pdf"));
        String sha = SourceFile.sha256(Files.readAllBytes(pdf));
        Path corrections = Files.createDirectories(tmp.resolve("corrections"));
        Files.writeString(corrections.resolve("2026.csv"), "sha256,field,provider,standard,corrected_value,who,why\n"
                + sha + ",rating,Liverpool North PDU,1.1,Requires improvement,A. Analyst,\"misprint, confirmed by the inspectorate\"\n"
                + sha + ",rating,Liverpool North PDU,9.9,Good,A. Analyst,no such standard\n");
        Path db = tmp.resolve("w.duckdb"), index = tmp.resolve("index");
        String[] ingest = {"ingest", in.toString(), "--db", db.toString(), "--index", index.toString(), "--quiet",
                "--corrections", corrections.toString()};

        Cli.Run first = hmip(ingest);
        assertThat(first.code()).as(first.out()).isZero();
        assertThat(first.out()).contains("corrections: 1 applied, 1 unmatched").contains("UNMATCHED correction 2026.csv line 3");
        assertRatingCorrected(db);

        Cli.Run again = hmip(ingest); // the file is unchanged: nothing is re-read, the correction stays in effect
        assertThat(again.out()).contains("1 unchanged").contains("corrections: 1 applied, 1 unmatched");
        assertRatingCorrected(db);

        Cli.Run check = hmip("check", "--db", db.toString());
        assertThat(check.out()).contains("analyst corrections").contains("applied   001_26fef9cbb675eeb2  rating Liverpool North PDU 1.1: "
                + "Inadequate -> Requires improvement  (corrected by A. Analyst: misprint, confirmed by the inspectorate)")
                .contains("unmatched");

        try (WebServer server = WebServer.start(new WebServer.Options(db, index, tmp, "127.0.0.1", 0, null))) {
            String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.baseUrl() + "/doc/001_26fef9cbb675eeb2")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(page).contains("id=\"corrections\"", "corrected; published: Inadequate", "misprint, confirmed by the inspectorate");
        }

        Files.writeString(corrections.resolve("2026.csv"), "sha256,field,provider,standard,corrected_value,who,why\n");
        hmip(ingest); // a removed correction is undone: the published value is in use again
        try (Warehouse wh = Warehouse.openReadOnly(db); Statement st = wh.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT rating, correction FROM ratings WHERE standard = '1.1'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("Inadequate");
            assertThat(rs.getString(2)).isNull();
        }
    }

    private static void assertRatingCorrected(Path db) throws Exception {
        try (Warehouse wh = Warehouse.openReadOnly(db); Statement st = wh.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT rating, published_rating, correction FROM ratings WHERE standard = '1.1'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("Requires improvement");
            assertThat(rs.getString(2)).isEqualTo("Inadequate");
            assertThat(rs.getString(3)).isEqualTo("corrected by A. Analyst: misprint, confirmed by the inspectorate");
        }
    }
}
