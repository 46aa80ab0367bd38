package hmip.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hmip.load.Warehouse;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The acceptance checks, on the sample corpus with gold recommendations ({@link SampleCorpus}). */
class SearchFeaturesTest {
    static SampleCorpus corpus;

    @BeforeAll
    static void build() throws Exception {
        corpus = SampleCorpus.get();
    }

    private static SearchResult search(SearchRequest r) throws Exception {
        try (PassageSearcher s = new PassageSearcher(corpus.index)) {
            return s.search(r);
        }
    }

    @Test
    void domesticAbuseRecommendationsSpanPdusAndRegionsWithRegionFacets() throws Exception {
        SearchResult r = search(SearchRequest.of("domestic abuse").withKind("recommendation").withLimit(50));
        Set<String> providers = r.hits().stream().map(h -> h.passage().provider()).filter(p -> p != null && p.contains("PDU"))
                .collect(Collectors.toSet());
        Set<String> regions = r.hits().stream().map(h -> h.passage().region()).collect(Collectors.toSet());
        assertThat(providers).hasSizeGreaterThanOrEqualTo(3);
        assertThat(regions).contains("North West", "Greater Manchester");
        assertThat(r.facets().get("region")).containsKeys("North West", "Greater Manchester");
        assertThat(r.hits()).allMatch(h -> h.passage().kind().equals("recommendation"));
    }

    @Test
    void themeFilterGivesTheSameRecommendationsAsTheWords() throws Exception {
        SearchResult words = search(SearchRequest.of("\"domestic abuse\"").withMode(SearchRequest.Mode.LEXICAL)
                .withKind("recommendation").withLimit(1000));
        SearchResult theme = search(SearchRequest.of("").withTheme("domestic_abuse").withKind("recommendation").withLimit(1000));
        Set<String> a = words.hits().stream().map(h -> h.passage().id()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> b = theme.hits().stream().map(h -> h.passage().id()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(b).isEqualTo(a);
        assertThat(b).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void abbreviationFindsTheWordsItStandsFor() throws Exception {
        SearchResult r = search(SearchRequest.of("DA checks").withMode(SearchRequest.Mode.LEXICAL).withLimit(5));
        assertThat(r.hits()).isNotEmpty();
        assertThat(r.hits().get(0).passage().text().toLowerCase()).contains("domestic abuse").contains("checks");
        assertThat(r.hits().get(0).highlight()).contains("[[");
        SearchResult upw = search(SearchRequest.of("UPW").withMode(SearchRequest.Mode.LEXICAL).withLimit(20));
        assertThat(upw.hits()).anyMatch(h -> h.passage().text().toLowerCase().contains("unpaid work")
                && !h.passage().text().contains("UPW"));
    }

    @Test
    void layWordingFindsNeurodiversity() throws Exception {
        SearchResult r = search(SearchRequest.of("people with autism or ADHD on probation").withLimit(10));
        assertThat(r.mode()).isEqualTo(SearchRequest.Mode.HYBRID);
        assertThat(r.hits()).anyMatch(h -> h.passage().themes().contains("neurodiversity"));
        assertThat(r.hits().stream().filter(h -> h.passage().themes().contains("neurodiversity")).count())
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void filtersAndFacetsAgree() throws Exception {
        SearchResult r = search(SearchRequest.of("staff").withMode(SearchRequest.Mode.LEXICAL).withRegion("Greater Manchester")
                .withYear("2023").withLimit(100));
        assertThat(r.hits()).isNotEmpty().allMatch(h -> "Greater Manchester".equals(h.passage().region()));
        assertThat(r.facets().get("region")).containsOnlyKeys("Greater Manchester");
        assertThat(r.facets().get("kind")).isNotEmpty();
        assertThat(r.facets().get("theme")).isNotEmpty();
    }

    @Test
    void badSyntaxIsOneLine() {
        assertThatThrownBy(() -> search(SearchRequest.of("domestic AND (abuse")))
                .isInstanceOf(QuerySyntaxException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").startsWith("cannot parse query"));
    }

    @Test
    void similarFindsTheLetterCopyOfAReportRecommendation() throws Exception {
        String id = corpus.passages.stream().filter(p -> p.docId().startsWith("003_") && p.kind().equals("recommendation")
                && p.text().startsWith("follow up on domestic abuse")).findFirst().orElseThrow().id();
        try (PassageSearcher s = new PassageSearcher(corpus.index)) {
            SearchResult r = s.similar(id, 5);
            assertThat(r.hits()).isNotEmpty();
            assertThat(r.hits().get(0).passage().docId()).startsWith("000_");
            assertThat(r.hits().get(0).passage().text()).startsWith("follow up on domestic abuse");
            assertThat(r.hits()).noneMatch(h -> h.passage().docId().startsWith("003_"));
        }
    }

    @Test
    void cheshireWestRecommendationsClusterInPairsWithTheLetter() throws Exception {
        try (Warehouse wh = Warehouse.openReadOnly(corpus.db); Statement st = wh.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT c.rec_id, c.size, string_agg(o.doc_id, ',' ORDER BY o.doc_id) "
                     + "FROM rec_clusters c JOIN rec_clusters o USING (cluster_id) WHERE c.doc_id LIKE '003_%' "
                     + "GROUP BY ALL ORDER BY 1")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                assertThat(rs.getInt(2)).as(rs.getString(1)).isEqualTo(2);
                assertThat(rs.getString(3)).as(rs.getString(1)).isEqualTo("000_ff8cab6e6239494e,003_87f4258a3b1d4f5f");
                rows.add(rs.getString(1));
            }
            assertThat(rows).hasSize(11);
        }
    }

    @Test
    void domesticAbuseBacklogsAcrossRegionsIsOneQuery() throws Exception {
        try (Warehouse wh = Warehouse.openReadOnly(corpus.db); Statement st = wh.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT region, provider, value, unit, phrase, page FROM quant_facts "
                     + "WHERE list_contains(string_split(themes, ','), 'domestic_abuse') "
                     + "AND (measure ILIKE '%backlog%' OR phrase ILIKE '%backlog%' OR sentence ILIKE '%backlog%') "
                     + "ORDER BY value DESC")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) rows.add(rs.getString(1) + " | " + rs.getDouble(3) + " " + rs.getString(4) + " | " + rs.getString(5));
            assertThat(rows).anyMatch(r -> r.startsWith("North West | 1350.0 case | a significant backlog of 1,350 cases"));
            assertThat(rows).anyMatch(r -> r.startsWith("North West | 1300.0"));
        }
    }

    @Test
    void everyPassageKindIsThemedAndThemesAreStoredWithEvidence() throws Exception {
        try (Warehouse wh = Warehouse.openReadOnly(corpus.db); Statement st = wh.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT kind, count(DISTINCT passage_id), min(length(evidence)) FROM passage_themes GROUP BY ALL")) {
            Set<String> kinds = new TreeSet<>();
            while (rs.next()) {
                kinds.add(rs.getString(1));
                assertThat(rs.getInt(3)).isPositive();
            }
            assertThat(kinds).contains("recommendation", "paragraph", "list_item");
        }
    }

    @Test
    void taxonomyCoverage() {
        long recs = corpus.passages.stream().filter(p -> p.kind().equals("recommendation")).count();
        long recsThemed = corpus.passages.stream().filter(p -> p.kind().equals("recommendation") && !p.themes().isEmpty()).count();
        // body text: paragraphs, list items and the findings the extractor takes out of them
        java.util.Set<String> bodyKinds = java.util.Set.of("paragraph", "list_item", "finding");
        long body = corpus.passages.stream().filter(p -> bodyKinds.contains(p.kind())).count();
        long bodyThemed = corpus.passages.stream().filter(p -> bodyKinds.contains(p.kind()) && !p.themes().isEmpty()).count();
        java.util.Map<String, Long> byTheme = new java.util.TreeMap<>();
        corpus.passages.stream().filter(p -> p.kind().equals("recommendation"))
                .forEach(p -> p.themes().forEach(t -> byTheme.merge(t, 1L, Long::sum)));
        System.out.printf("%nTaxonomy coverage: %d/%d recommendations (%.0f%%) and %d/%d paragraphs, list items and findings (%.0f%%) "
                + "have a theme; %d of %d themes occur in recommendations%n  %s%n", recsThemed, recs, 100.0 * recsThemed / recs,
                bodyThemed, body, 100.0 * bodyThemed / body, byTheme.size(), hmip.enrich.Taxonomy.standard().themes().size(), byTheme);
        corpus.passages.stream().filter(p -> p.kind().equals("recommendation") && p.themes().isEmpty())
                .forEach(p -> System.out.println("  no theme: " + p.text()));
        assertThat(recsThemed / (double) recs).isGreaterThanOrEqualTo(0.95);
        assertThat(bodyThemed / (double) body).isGreaterThanOrEqualTo(0.65);
    }
}
