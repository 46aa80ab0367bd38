package hmip.validate;

import static org.assertj.core.api.Assertions.assertThat;

import hmip.load.FindingStore;
import hmip.load.Warehouse;
import hmip.model.CheckFinding;
import hmip.model.Severity;
import hmip.reference.Reference;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when" on the sample corpus: gold-derived extractions with the reports' real page text,
 * stored through {@link hmip.pipeline.Pipeline#load} and checked as {@code hmip check} does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleCorpusTest {
    @TempDir
    static Path dir;
    Warehouse wh;
    CheckRun.Result result;

    @BeforeAll
    void load() throws Exception {
        wh = Warehouse.open(dir.resolve("w.duckdb"));
        for (String id : Gold.IDS) hmip.pipeline.Pipeline.standard().load(wh, Gold.laidOut(id), Gold.extraction(id), 1, 1);
        result = new CheckRun(Validator.standard()).run(wh.connection());
        hmip.load.FindingStore.replaceAll(wh.connection(), result.documents(), result.cross());
    }

    @org.junit.jupiter.api.AfterAll
    void close() throws Exception { wh.close(); }

    private List<CheckFinding> alarming() { return result.findings().stream().filter(CheckFinding::alarming).toList(); }

    @Test
    void liverpoolNorthReviewingIsProfessionalDiscretionExplained() {
        assertThat(result.findings()).filteredOn(f -> f.checkId().equals("kq-band"))
                .singleElement().satisfies(f -> {
                    assertThat(f.docId()).isEqualTo(Gold.LIVERPOOL_NORTH);
                    assertThat(f.standard()).isEqualTo("2.5");
                    assertThat(f.provider()).isEqualTo("Liverpool North PDU");
                    assertThat(f.explained()).isTrue();
                    assertThat(f.severity()).isEqualTo(Severity.INFO);
                    assertThat(f.values()).containsEntry("lowest_percent", 49).containsEntry("band", "Inadequate")
                            .containsEntry("rating", "Requires improvement");
                    assertThat(f.page()).isNotNull();
                });
    }

    @Test
    void tamesideAndWiganTablesAreIdenticalInTheGreaterManchesterLetter() {
        assertThat(result.findings()).filteredOn(f -> f.checkId().equals("identical-tables"))
                .singleElement().satisfies(f -> {
                    assertThat(f.docId()).isEqualTo(Gold.GM_LETTER);
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.values().get("providers")).isEqualTo(List.of("Tameside PDU", "Wigan PDU"));
                });
    }

    @Test
    void cheshireNorthInTheNorthWestLetterSummaryIsReportedNotGuessed() {
        assertThat(result.findings()).filteredOn(f -> f.checkId().equals("prose-unit-not-in-tables"))
                .singleElement().satisfies(f -> {
                    assertThat(f.docId()).isEqualTo(Gold.NW_LETTER);
                    assertThat(f.values()).containsEntry("printed", "Cheshire North").containsEntry("resolution", "unresolved");
                    assertThat(f.values().get("canonical")).isNull();
                    assertThat(f.values().get("table_units_not_named_in_sentence")).isEqualTo(List.of("Cheshire West PDU"));
                    assertThat(f.page()).isNotNull();
                    assertThat(f.message()).contains("Cheshire North");
                });
    }

    @Test
    void noFalseAlarmsWhereTheDocumentsAgree() {
        assertThat(alarming()).extracting(CheckFinding::checkId)
                .containsExactlyInAnyOrder("identical-tables", "prose-unit-not-in-tables");
        // scores add up, bands match, PDU reports agree with the letter annexe
        assertThat(result.findings()).noneMatch(f -> f.checkId().startsWith("score"));
        assertThat(result.findings()).noneMatch(f -> f.checkId().equals("pdu-letter-rating-differs"));
        assertThat(result.findings()).noneMatch(f -> f.checkId().equals("pdu-letter-recommendation-missing"));
        assertThat(result.findings()).noneMatch(f -> f.checkId().equals("prose-rating-mismatch"));
        assertThat(result.findings()).noneMatch(f -> f.checkId().equals("provider-unresolved"));
    }

    @Test
    void liverpoolNorthRecommendationWordingDifferencesAreNotedNotAlarmed() {
        List<CheckFinding> diffs = result.cross().stream()
                .filter(f -> f.checkId().equals("pdu-letter-recommendation-differs")).toList();
        assertThat(diffs).isNotEmpty().allMatch(f -> f.severity() == Severity.INFO)
                .allMatch(f -> "Liverpool North".equals(f.values().get("unit")));
        assertThat(diffs).anyMatch(f -> String.valueOf(f.values().get("letter_text")).contains("focussing"));
    }

    @Test
    void missingCourtWorkRowsAreExplainedByTheScore() {
        assertThat(result.findings()).filteredOn(f -> f.checkId().equals("standard-missing"))
                .allMatch(f -> f.explained() && f.standard().equals("2.1"))
                .extracting(CheckFinding::provider)
                .containsExactlyInAnyOrder("Knowsley and St Helens", "Liverpool North PDU", "Manchester North");
    }

    @Test
    void findingsAndResolutionsAreStored() throws Exception {
        try (Statement st = wh.connection().createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM check_findings WHERE scope = 'document'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(result.documents().stream().mapToInt(d -> d.findings().size()).sum());
            }
            try (ResultSet rs = st.executeQuery("SELECT canonical_name, region FROM provider_resolution "
                    + "WHERE printed_name = 'Blackburn PDU' AND context = 'provider'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Blackburn with Darwen");
                assertThat(rs.getString(2)).isEqualTo("North West");
            }
            try (ResultSet rs = st.executeQuery("SELECT status FROM provider_resolution WHERE printed_name = 'Cheshire North'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("unresolved");
            }
        }
        assertThat(FindingStore.readAll(wh.connection())).hasSize(result.findings().size());
    }

    @Test
    void reingestingADocumentReplacesItsFindingsInTheSameTransaction() throws Exception {
        hmip.pipeline.Pipeline.standard().load(wh, Gold.laidOut(Gold.GM_LETTER), Gold.extraction(Gold.GM_LETTER), 1, 2);
        try (PreparedStatement ps = wh.connection().prepareStatement(
                "SELECT count(*) FROM check_findings WHERE doc_id = ? AND check_id = 'identical-tables'")) {
            ps.setString(1, Gold.GM_LETTER);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void ratingsComparableCarriesCanonicalStandardsAndLineage() throws Exception {
        try (Statement st = wh.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT standard, canonical_standard, unit, unit_kind, region_2021, nps_division_2018, "
                     + "rating, points FROM ratings_comparable WHERE doc_id = '" + Gold.NPS_NW + "' AND standard = '2.1'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(2)).isEqualTo("2.2"); // NPS 2.1 Assessment is PDU 2.2
            assertThat(rs.getString(3)).isEqualTo("North West");
            assertThat(rs.getString(4)).isEqualTo("nps_division");
            assertThat(rs.getString(5)).isNull();
            assertThat(rs.getString(6)).isEqualTo("North West");
            assertThat(rs.getInt(8)).isEqualTo(2);
        }
        try (Statement st = wh.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT DISTINCT unit, region_2021, nps_division_2018 FROM ratings_comparable "
                     + "WHERE doc_id = '" + Gold.GM_LETTER + "' ORDER BY unit")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
            assertThat(rows).containsExactly("Manchester North|Greater Manchester|North West",
                    "Tameside|Greater Manchester|North West", "Wigan|Greater Manchester|North West");
        }
        try (Statement st = wh.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), count(band) FROM key_questions_comparable")) {
            rs.next();
            assertThat(rs.getInt(1)).isGreaterThan(0).isEqualTo(rs.getInt(2));
        }
    }

    @Test
    void compareNorthWestLineageShowsTheDivisionBesideBothRegionsOnEveryStandard() throws Exception {
        Comparison.Table t = Comparison.build(wh.connection(), Reference.bundled(), "North West", null);
        assertThat(t.division()).isEqualTo("North West");
        assertThat(t.regions()).containsExactly("North West", "Greater Manchester");
        assertThat(t.pdus().get("North West")).containsExactlyInAnyOrder("Cheshire West", "Blackburn with Darwen",
                "Knowsley and St Helens", "Liverpool North", "Cumbria");
        assertThat(t.pdus().get("Greater Manchester")).containsExactlyInAnyOrder("Manchester North", "Tameside", "Wigan");
        assertThat(t.rows()).extracting(Comparison.Row::canonicalStandard)
                .containsExactly("1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "V");
        Map<String, Comparison.Row> by = new java.util.HashMap<>();
        t.rows().forEach(r -> by.put(r.canonicalStandard(), r));
        for (String std : List.of("1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "2.5")) {
            assertThat(by.get(std).divisionRating()).as(std).isNotNull();
            assertThat(by.get(std).byRegion()).as(std).containsKeys("North West", "Greater Manchester");
        }
        assertThat(by.get("2.2").divisionRating()).isEqualTo("Good"); // NPS 2.1 Assessment
        assertThat(by.get("2.1").divisionRating()).isEqualTo("Good"); // NPS 3.1 Court reports
        assertThat(by.get("V").divisionRating()).isEqualTo("Outstanding");
        // 2.2 Assessment: every North West PDU Inadequate except Blackburn with Darwen (RI); GM: I, I, I
        assertThat(by.get("2.2").byRegion().get("North West")).containsEntry("Inadequate", 4)
                .containsEntry("Requires improvement", 1);
        assertThat(by.get("2.2").distribution("Greater Manchester")).isEqualTo("I 3");
        // Liverpool North counts once although rated in its report and in the letter
        assertThat(by.get("1.1").byRegion().get("North West").values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(5);
    }

    @Test
    void compareForOneRegionUsesItsDivision() throws Exception {
        Comparison.Table t = Comparison.build(wh.connection(), Reference.bundled(), null, "Greater Manchester region");
        assertThat(t.division()).isEqualTo("North West");
        assertThat(t.regions()).containsExactly("Greater Manchester");
    }
}
