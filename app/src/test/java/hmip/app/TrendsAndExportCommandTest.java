package hmip.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hmip.load.Warehouse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrendsAndExportCommandTest {
    @TempDir
    static Path tmp;
    static Path db;

    @BeforeAll
    static void warehouse() throws Exception {
        db = tmp.resolve("w.duckdb");
        try (Warehouse w = Warehouse.open(db); Statement st = w.connection().createStatement()) {
            st.execute("INSERT INTO documents (doc_id, path, sha256, status, doc_type, framework, published, region, "
                    + "indexed, ingested_at) VALUES ('d1', 'd1.pdf', 'x', 'ok', 'pdu_report', 'pdu_2021', '2023-06', "
                    + "'North West', true, now()), ('d2', 'd2.pdf', 'y', 'ok', 'pdu_report', 'pdu_2021', '2022-01', "
                    + "'Wales', true, now())");
            st.execute("INSERT INTO providers (doc_id, provider, provider_type, fieldwork_started) VALUES "
                    + "('d1', 'Alpha PDU', 'PDU', '2023-03'), ('d2', 'Beta PDU', 'PDU', '2021-11')");
            st.execute("INSERT INTO ratings (doc_id, provider, framework, standard, canonical_standard, rating) VALUES "
                    + "('d1', 'Alpha PDU', 'pdu_2021', '2.2', '2.2', 'Inadequate'), "
                    + "('d1', 'Alpha PDU', 'pdu_2021', '1.1', '1.1', 'Good'), "
                    + "('d2', 'Beta PDU', 'pdu_2021', '2.2', '2.2', 'Good')");
        }
    }

    private static String run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            int rc = Main.commandLine().execute(args);
            assertThat(rc).as(String.join(" ", args)).isZero();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listsTheCatalogue() {
        assertThat(run("trends")).contains("ratings_by_region_year", "pdu_below_good_share", "key_question_spread",
                "recommendations_by_theme", "check_findings_by_kind");
    }

    @Test
    void tableFormatIsAlignedAndFiltered() {
        String out = run("trends", "ratings_by_region_year", "--db", db.toString(), "--region", "North West");
        assertThat(out).contains("filter: region=North West").contains("Alpha PDU").doesNotContain("Beta PDU")
                .contains("(2 rows)");
        String[] lines = out.split("\n");
        int header = 0;
        while (!lines[header].startsWith("region")) header++;
        assertThat(lines[header + 1]).matches("[- ]+");
        assertThat(lines[header + 2].indexOf("2023")).isEqualTo(lines[header].indexOf("year"));
    }

    @Test
    void jsonAndCsvCarryTheSameRows() throws Exception {
        JsonNode j = new ObjectMapper().readTree(run("trends", "ratings_by_region_year", "--db", db.toString(),
                "--standard", "2.2", "--from", "2022", "--format", "json"));
        assertThat(j.get("rows")).hasSize(1);
        assertThat(j.get("rows").get(0).get("provider_names").asText()).isEqualTo("Alpha PDU");
        assertThat(j.get("filter").get("from").asInt()).isEqualTo(2022);
        String csv = run("trends", "ratings_by_region_year", "--db", db.toString(), "--standard", "2.2", "--format", "csv");
        assertThat(csv.split("\n")).hasSize(3);
        assertThat(csv).startsWith("region,year,framework,canonical_standard");
    }

    @Test
    void badInputIsAUsageErrorNotACrash() {
        assertThat(Main.commandLine().execute("trends", "no_such_table", "--db", db.toString())).isEqualTo(2);
        assertThat(Main.commandLine().execute("trends", "ratings_by_region_year", "--db", db.toString(),
                "--from", "2024", "--to", "2020")).isEqualTo(2);
        assertThat(Main.commandLine().execute("trends", "ratings_by_region_year", "--from", "soon")).isEqualTo(2);
    }

    @Test
    void unknownRegionOrStandardIsAnErrorWithTheNearestKnownValues() {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.commandLine().execute("trends", "ratings_by_region_year", "--db", db.toString(),
                    "--region", "Nort West")).isEqualTo(2);
            assertThat(Main.commandLine().execute("trends", "ratings_by_region_year", "--db", db.toString(),
                    "--standard", "Asessment")).isEqualTo(2);
        } finally {
            System.setErr(old);
        }
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).containsExactly(
                "hmip trends: unknown --region \"Nort West\"; did you mean \"North West\"? Known: North West, Wales",
                lines.get(1));
        assertThat(lines.get(1)).startsWith("hmip trends: unknown --standard \"Asessment\"; did you mean \"Assessment\"?");
        // any case is the same region
        assertThat(run("trends", "ratings_by_region_year", "--db", db.toString(), "--region", "north west")).contains("Alpha");
    }

    @Test
    void writesFilesAndExports() throws Exception {
        Path out = tmp.resolve("trends-out");
        run("trends", "all", "--db", db.toString(), "--format", "csv", "--out", out.toString());
        assertThat(out.resolve("pdu_below_good_share.csv")).exists();
        Path exp = tmp.resolve("export");
        String msg = run("export", "--format", "parquet", "--db", db.toString(), "--out", exp.toString());
        assertThat(msg).contains("ratings").contains("exported");
        assertThat(exp.resolve("ratings.parquet")).exists();
        assertThat(Files.readString(exp.resolve("data_dictionary.md"))).contains("| ratings | table | 3 |");
        run("export", "--format", "XLSX", "--db", db.toString(), "--out", exp.toString());
        assertThat(exp.resolve("hmip.xlsx")).exists();
    }
}
