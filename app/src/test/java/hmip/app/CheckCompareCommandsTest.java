package hmip.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hmip.extract.GoldJson;
import hmip.load.Warehouse;
import hmip.model.LaidOutDocument;
import hmip.model.LaidOutPage;
import hmip.model.ParsedDocument;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} and {@code compare} on a warehouse loaded with the gold-derived extractions of the sample corpus
 * (the validate tests' copies in pipeline/src/test/resources/gold-validate, with their page-text snapshots).
 */
class CheckCompareCommandsTest {
    @TempDir
    static Path dir;
    static Path db;

    @BeforeAll
    static void load() throws Exception {
        Path gold = root().resolve("pipeline/src/test/resources/gold-validate");
        db = dir.resolve("w.duckdb");
        ObjectMapper json = new ObjectMapper();
        try (Warehouse wh = Warehouse.open(db)) {
            try (var files = Files.list(gold)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    String id = f.getFileName().toString().replace(".json", "");
                    List<LaidOutPage> pages = new ArrayList<>();
                    for (JsonNode p : json.readTree(gold.resolve("pages/" + id + ".json").toFile())) {
                        pages.add(new LaidOutPage(p.path("page").asInt(), p.path("text").asText(), List.of(), List.of(),
                                List.of(), List.of(), false));
                    }
                    LaidOutDocument doc = new LaidOutDocument(new ParsedDocument(id, "data/reports/" + id + ".pdf",
                            "sha-" + id, "application/pdf", List.of(), Map.of()), pages);
                    try (InputStream in = Files.newInputStream(f)) {
                        hmip.pipeline.Pipeline.standard().load(wh, doc, GoldJson.read(in), 1, 1);
                    }
                }
            }
        }
    }

    static Path root() {
        String r = System.getProperty("hmip.root");
        Path p = r == null ? Path.of("..") : Path.of(r);
        return Files.isDirectory(p.resolve("pipeline")) ? p : Path.of("..");
    }

    static String run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            int code = Main.commandLine().execute(args);
            assertThat(code).as(String.join(" ", args)).isZero();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void checkListsFindingsGroupedByDocument() {
        String out = run("check", "--db", db.toString());
        assertThat(out).contains("004_2024088064c08f13  regional_letter").contains("identical-tables")
                .contains("Cheshire North").contains("kq-band").contains("professional discretion")
                .contains("stored in check_findings");
        String alarms = run("check", "--db", db.toString(), "--alarms", "--read-only");
        assertThat(alarms).contains("2 findings: 0 errors, 2 warnings").contains("not stored");
    }

    @Test
    void checkJson() throws Exception {
        JsonNode root = new ObjectMapper().readTree(run("check", "--db", db.toString(), "--json", "--read-only"));
        assertThat(root.path("documents_checked").asInt()).isEqualTo(5);
        List<String> checks = new ArrayList<>();
        root.path("documents").forEach(d -> d.path("findings").forEach(f -> checks.add(
                d.path("doc_id").asText() + " " + f.path("check").asText() + " " + f.path("explained").asBoolean())));
        assertThat(checks).contains("001_26fef9cbb675eeb2 kq-band true", "004_2024088064c08f13 identical-tables false",
                "000_ff8cab6e6239494e prose-unit-not-in-tables false");
    }

    @Test
    void compareNorthWestLineage() {
        String out = run("compare", "--db", db.toString(), "--lineage", "North West");
        assertThat(out).contains("NPS North West 2018").contains("North West PDUs 2023 (n=5)")
                .contains("Greater Manchester PDUs 2023 (n=3)");
        assertThat(out.lines().filter(l -> l.startsWith("2.2 ")).findFirst().orElseThrow())
                .contains("Assessment").contains("Good").contains("RI 1, I 4").contains("I 3");
        assertThat(run("compare", "--db", db.toString(), "--lineage", "North West", "--division-year", "2017"))
                .contains("1.1       Leadership                   -");
        String csv = run("compare", "--db", db.toString(), "--lineage", "NPS North West division", "--csv",
                "--division-year", "2018");
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("canonical_standard,name,nps_division,division_rating,"
                + "north_west_pdus,north_west_outstanding");
        assertThat(csv).contains("2.5,Reviewing,North West,Good,5,0,0,3,2,0,3,0,0,1,2,0");
    }

    @Test
    void compareNamesTheNearestDivisionOrSaysTheWarehouseHasNone() {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.commandLine().execute("compare", "--db", db.toString(), "--lineage", "Nort West")).isEqualTo(2);
            assertThat(Main.commandLine().execute("compare", "--db", db.toString(), "--lineage", "Wales")).isEqualTo(2);
        } finally {
            System.setErr(old);
        }
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("compare: unknown --lineage \"Nort West\"; did you mean \"North West\"?");
        assertThat(lines.get(1)).startsWith("compare: the warehouse has no ratings for NPS division \"Wales\"")
                .contains("divisions with 2018 ratings: North West");
    }
}
