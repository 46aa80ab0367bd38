package hmip.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import hmip.load.Warehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrendsTest {
    @TempDir
    static Path tmp;
    static Warehouse wh;

    @BeforeAll
    static void load() throws Exception {
        assumeTrue(GoldWarehouse.goldDir() != null, "shared/corpus/gold is not beside the repository");
        Path db = tmp.resolve("gold.duckdb");
        GoldWarehouse.build(db);
        wh = Warehouse.openReadOnly(db);
    }

    @AfterAll
    static void close() throws Exception {
        if (wh != null) wh.close();
    }

    private static TrendTable run(String name, TrendFilter f) throws Exception {
        return Trends.run(wh.connection(), name, f);
    }

    private static int col(TrendTable t, String name) {
        int i = t.columns().indexOf(name);
        assertThat(i).as("column " + name + " in " + t.columns()).isGreaterThanOrEqualTo(0);
        return i;
    }

    private static long sum(TrendTable t, String column) {
        int i = col(t, column);
        return t.rows().stream().mapToLong(r -> r.get(i) == null ? 0 : ((Number) r.get(i)).longValue()).sum();
    }

    @Test
    void catalogueNamesEveryTableOnceWithTitleAndDescription() {
        List<TrendDefinition> c = Trends.catalog();
        assertThat(c).extracting(TrendDefinition::name).containsExactly("ratings_by_region_year",
                "pdu_below_good_share", "key_questions_by_provider", "key_question_spread",
                "recommendations_by_theme", "stated_vs_extracted_ratings", "check_findings_by_kind");
        assertThat(c).allSatisfy(d -> {
            assertThat(d.title()).isNotBlank();
            assertThat(d.description()).hasSizeGreaterThan(40);
            assertThat(Trends.sql(d.name() + ".sql")).contains("$1").contains("$4");
        });
    }

    @Test
    void ratingsDistributionNorthWest2023CountsEachPduOnce() throws Exception {
        TrendTable t = run("ratings_by_region_year", new TrendFilter("North West", 2023, 2023, null));
        // Cheshire West 9 + Blackburn 9 + Knowsley and St Helens 8 + Liverpool North 9 + Cumbria 9: the two PDUs
        // with their own report are not counted again from the regional letter.
        assertThat(sum(t, "providers")).isEqualTo(44);
        Map<String, Long> assessment = t.rows().stream()
                .filter(r -> "2.2".equals(r.get(col(t, "canonical_standard"))))
                .collect(Collectors.toMap(r -> (String) r.get(col(t, "rating")), r -> (Long) r.get(col(t, "providers"))));
        assertThat(assessment).containsExactlyInAnyOrderEntriesOf(Map.of("Inadequate", 4L, "Requires improvement", 1L));
        assertThat(t.notes()).isEmpty();
    }

    @Test
    void npsDivisionStandardsAreMappedToCanonicalCodes() throws Exception {
        TrendTable t = run("ratings_by_region_year", new TrendFilter("north west", 2018, 2018, null));
        assertThat(sum(t, "providers")).isEqualTo(10);
        // NPS 3.1 Court reports and case allocation is PDU 2.1 Court work; NPS 2.1 Assessment is 2.2.
        assertThat(t.rows()).anySatisfy(r -> {
            assertThat(r.get(col(t, "canonical_standard"))).isEqualTo("2.1");
            assertThat(r.get(col(t, "rating"))).isEqualTo("Good");
        });
        assertThat(t.rows()).extracting(r -> r.get(col(t, "framework"))).containsOnly("nps_2018");
    }

    @Test
    void everyRegionAndStandardFilter() throws Exception {
        TrendTable all = run("ratings_by_region_year", TrendFilter.NONE);
        assertThat(sum(all, "providers")).isEqualTo(44 + 10 + 26);
        TrendTable byName = run("ratings_by_region_year", new TrendFilter(null, null, null, "Assessment"));
        TrendTable byCode = run("ratings_by_region_year", new TrendFilter(null, null, null, "2.2"));
        assertThat(byName.rows()).isEqualTo(byCode.rows());
        assertThat(byCode.rows()).extracting(r -> r.get(col(byCode, "canonical_standard"))).containsOnly("2.2");
        assertThat(sum(byCode, "providers")).isEqualTo(5 + 1 + 3);
    }

    @Test
    void shareOfPdusBelowGood() throws Exception {
        TrendTable t = run("pdu_below_good_share", new TrendFilter("North West", null, null, null));
        List<Object> assessment = t.rows().stream().filter(r -> "2.2".equals(r.get(col(t, "canonical_standard"))))
                .findFirst().orElseThrow();
        assertThat(assessment.get(col(t, "pdus_rated"))).isEqualTo(5L);
        assertThat(assessment.get(col(t, "inadequate"))).isEqualTo(4L);
        assertThat(assessment.get(col(t, "inadequate_pct"))).isEqualTo(80.0);
        assertThat(assessment.get(col(t, "below_good_pct"))).isEqualTo(100.0);
        List<Object> staff = t.rows().stream().filter(r -> "1.2".equals(r.get(col(t, "canonical_standard"))))
                .findFirst().orElseThrow();
        assertThat(staff.get(col(t, "below_good_pct"))).isEqualTo(40.0);
        // the 2018 division is not a PDU
        assertThat(t.rows()).extracting(r -> r.get(col(t, "first_year"))).containsOnly(2023L);
    }

    @Test
    void keyQuestionsLineUpAcrossFrameworks() throws Exception {
        TrendTable t = run("key_question_spread", new TrendFilter("North West", null, null, "2.2"));
        List<Object> safety2023 = t.rows().stream().filter(r -> r.get(col(t, "year")).equals(2023L)
                && "safety".equals(r.get(col(t, "question_focus")))).findFirst().orElseThrow();
        assertThat(safety2023.get(col(t, "providers"))).isEqualTo(2L);
        assertThat(safety2023.get(col(t, "min_pct"))).isEqualTo(22L);
        assertThat(safety2023.get(col(t, "lowest_provider"))).isEqualTo("Liverpool North PDU");
        assertThat(t.rows()).anySatisfy(r -> {
            assertThat(r.get(col(t, "year"))).isEqualTo(2018L);
            assertThat(r.get(col(t, "question_focus"))).isEqualTo("safety");
            assertThat(r.get(col(t, "min_pct"))).isEqualTo(76L);
        });
        TrendTable detail = run("key_questions_by_provider", TrendFilter.NONE);
        assertThat(detail.rows()).hasSize(13 + 16 + 13);
    }

    @Test
    void recommendationsWithoutThemesCountUnderNoTheme() throws Exception {
        TrendTable t = run("recommendations_by_theme", TrendFilter.NONE);
        assertThat(sum(t, "recommendations")).isEqualTo(52 + 9 + 8 + 11 + 28);
        assertThat(t.notes()).isEmpty();
        assertThat(t.rows()).allSatisfy(r -> assertThat(r.get(col(t, "theme"))).isEqualTo("(no theme)"));
        TrendTable gm = run("recommendations_by_theme", new TrendFilter("Greater Manchester", null, null, null));
        assertThat(sum(gm, "recommendations")).isEqualTo(28);
        // the regional letter repeats the Liverpool North and Cheshire West reports' recommendations
        TrendTable nw = run("recommendations_by_theme", new TrendFilter("North West", 2023, 2023, null));
        assertThat(sum(nw, "distinct_texts")).isLessThan(sum(nw, "recommendations"));
    }

    @Test
    void checkFindingsTableHasItsColumnsBeforeAnyCheckRan() throws Exception {
        TrendTable t = run("check_findings_by_kind", TrendFilter.NONE);
        assertThat(t.columns()).contains("kind", "findings", "explained");
        assertThat(t.notes()).isEmpty();
    }

    @Test
    void tablesFromOtherStagesAreUsedOnceTheyExist() throws Exception {
        Path db = tmp.resolve("with-stages.duckdb");
        GoldWarehouse.build(db);
        try (Warehouse w = Warehouse.open(db); Statement st = w.connection().createStatement()) {
            st.execute("DELETE FROM check_findings");
            st.execute("INSERT INTO check_findings (scope, check_id, severity, explained, doc_id, message) VALUES "
                    + "('document', 'name_variant', 'warning', false, '000_ff8cab6e6239494e', 'x'), "
                    + "('document', 'name_variant', 'info', true, '000_ff8cab6e6239494e', 'y'), "
                    + "('document', 'duplicate_table', 'warning', false, '004_2024088064c08f13', 'z')");
            st.execute("INSERT INTO passage_themes (passage_id, doc_id, kind, theme, score, evidence) "
                    + "SELECT rec_id, doc_id, 'recommendation', 'domestic abuse', 1, 'domestic abuse' FROM recommendations "
                    + "WHERE text ILIKE '%domestic abuse%'");
            Connection c = w.connection();
            TrendTable checks = Trends.run(c, "check_findings_by_kind", TrendFilter.NONE);
            assertThat(checks.notes()).isEmpty();
            assertThat(sum(checks, "findings")).isEqualTo(3);
            TrendTable themes = Trends.run(c, "recommendations_by_theme", TrendFilter.NONE);
            assertThat(themes.notes()).isEmpty();
            long da;
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM recommendations WHERE text ILIKE '%domestic abuse%'")) {
                rs.next();
                da = rs.getLong(1);
            }
            assertThat(da).isPositive();
            assertThat(themes.rows().stream().filter(r -> "domestic abuse".equals(r.get(col(themes, "theme"))))
                    .mapToLong(r -> (Long) r.get(col(themes, "recommendations"))).sum()).isEqualTo(da);
        }
    }

    @Test
    void injectionLikeFilterValuesAreJustValues() throws Exception {
        for (String evil : List.of("North West' OR '1'='1", "x'); DROP TABLE ratings; --", "$1", "%", "North West\"")) {
            TrendTable t = run("ratings_by_region_year", new TrendFilter(evil, null, null, evil));
            assertThat(t.rows()).as(evil).isEmpty();
        }
        assertThat(wh.rowCounts().get("ratings")).isEqualTo(44L + 10 + 26 + 9 + 8); // the letter prints Cheshire West (9) and Liverpool North (8) again
    }

    @Test
    void unknownTableAndReversedYearsAreRejected() {
        assertThatThrownBy(() -> run("ratings; DROP TABLE ratings", TrendFilter.NONE))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> new TrendFilter(null, 2024, 2018, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Trends.sql("../load/schema.sql")).isInstanceOf(IllegalArgumentException.class);
    }
}
