package hmip.validate;

import static org.assertj.core.api.Assertions.assertThat;

import hmip.extract.GoldJson;
import hmip.extract.InspectionExtractor;
import hmip.layout.StandardLayout;
import hmip.load.Warehouse;
import hmip.model.CheckFinding;
import hmip.model.Extraction;
import hmip.model.LaidOutDocument;
import hmip.model.Provider;
import hmip.model.Resolution;
import hmip.model.Score;
import hmip.model.StatedRating;
import hmip.parse.ParseLimits;
import hmip.parse.Parsers;
import hmip.parse.SourceFile;
import hmip.reference.Gazetteer;
import hmip.reference.Reference;
import hmip.trends.TrendFilter;
import hmip.trends.TrendTable;
import hmip.trends.Trends;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A press release through the real parse, layout and extract stages into the warehouse, beside a report of one of
 * its units: doc type, stated_ratings rows, gazetteer resolution (context 'stated'), the stated-vs-extracted check
 * and the trend table. The release and the report's values are written for this test.
 */
class StatedRatingsInWarehouseTest {
    @TempDir
    Path tmp;

    private static final String RELEASE = """
            HM Inspectorate of Probation
            27 July 2023

            Probation services in south Wales: inspection findings published

            HM Inspectorate of Probation has published its inspections of two Probation Delivery Units in Wales.
            Gwent Probation Delivery Unit (PDU) has been rated ‘Requires improvement’, scoring 12 out of a possible 27.
            Cardiff and Vale PDU has received an overall rating of 'Good'.
            In a separate report, Narnia PDU was rated ‘Inadequate’.
            Durham Tees Valley Community Rehabilitation Company has been rated “Inadequate”.
            """;

    private static final hmip.pipeline.Pipeline PIPELINE = hmip.pipeline.Pipeline.standard();

    private LaidOutDocument layOut(String name, String text) throws Exception {
        Path file = tmp.resolve(name);
        Files.writeString(file, text);
        SourceFile source = SourceFile.read(file, ParseLimits.DEFAULT);
        return new StandardLayout().layOut(Parsers.standard().parse(source, ParseLimits.DEFAULT));
    }

    @Test
    void pressReleaseIsReadStoredResolvedCheckedAndTabled() throws Exception {
        LaidOutDocument release = layOut("release.txt", RELEASE);
        Extraction ex = new InspectionExtractor(Reference.bundled()).extract(release);
        assertThat(ex.docType()).isEqualTo("press_release");
        assertThat(ex.published()).isEqualTo("2023-07-27");
        assertThat(ex.providers()).isEmpty();
        assertThat(ex.statedRatings()).extracting(StatedRating::provider).containsExactly(
                "Gwent Probation Delivery Unit (PDU)", "Cardiff and Vale PDU", "Narnia PDU",
                "Durham Tees Valley Community Rehabilitation Company");
        StatedRating gwent = ex.statedRatings().get(0);
        assertThat(gwent.score().points()).isEqualTo(12);
        assertThat(gwent.provenance().docId()).isEqualTo("release");
        String page = release.pages().get(gwent.provenance().page() - 1).text();
        assertThat(page.substring(gwent.provenance().start(), gwent.provenance().end()))
                .startsWith("Gwent Probation Delivery Unit").endsWith("Requires improvement");
        assertThat(GoldJson.write(ex, null, true)).contains("\"stated_ratings\"", "\"overall_rating\" : \"Requires improvement\"");
        // a press release is not a report: its status says so
        assertThat(PIPELINE.check(release, ex).status().level()).isEqualTo("not_a_report");

        // a report of Gwent PDU published the same month, rated Good 16/27
        LaidOutDocument reportDoc = layOut("report.txt", "An inspection of probation services in: Gwent PDU\n");
        Provider p = new Provider("Gwent PDU", "PDU", "2023-03", new Score(16, 27, null), "Good", List.of(), null);
        Extraction report = new Extraction("report", "pdu_report", "An inspection of probation services in: Gwent PDU",
                "HM Inspectorate of Probation", "2023-07", "Wales", "pdu_2021", List.of(p), List.of(), List.of(),
                List.of(), List.of());

        Path db = tmp.resolve("w.duckdb");
        try (Warehouse wh = Warehouse.open(db)) {
            PIPELINE.load(wh, reportDoc, report, 10, 1);
            PIPELINE.load(wh, release, ex, RELEASE.length(), 1);
            try (Statement st = wh.connection().createStatement()) {
                assertThat(rows(st, "SELECT provider || ' | ' || coalesce(provider_type, '') || ' | ' || rating || ' | ' "
                        + "|| coalesce(score_points || '/' || score_max, '') FROM stated_ratings ORDER BY span_start"))
                        .containsExactly("Gwent Probation Delivery Unit (PDU) | PDU | Requires improvement | 12/27",
                                "Cardiff and Vale PDU | PDU | Good | ", "Narnia PDU | PDU | Inadequate | ",
                                "Durham Tees Valley Community Rehabilitation Company | CRC | Inadequate | ");
                assertThat(rows(st, "SELECT printed_name || ' | ' || status || ' | ' || coalesce(kind, '') || ' | ' || "
                        + "coalesce(canonical_name, '') FROM provider_resolution WHERE context = 'stated' ORDER BY 1"))
                        .containsExactly("Cardiff and Vale PDU | resolved | pdu | Cardiff and Vale",
                                "Durham Tees Valley Community Rehabilitation Company | resolved | crc | Durham Tees Valley",
                                "Gwent Probation Delivery Unit (PDU) | resolved | pdu | Gwent",
                                "Narnia PDU | unresolved |  | ");
            }

            CheckRun.Result result = new CheckRun(Validator.standard()).run(wh.connection());
            List<CheckFinding> cross = result.cross().stream().filter(f -> f.checkId().startsWith("stated-")).toList();
            assertThat(cross).extracting(f -> f.checkId() + " " + f.provider()).containsExactlyInAnyOrder(
                    "stated-rating-differs Gwent Probation Delivery Unit (PDU)",
                    "stated-score-differs Gwent Probation Delivery Unit (PDU)",
                    "stated-provider-unresolved Narnia PDU");
            CheckFinding differs = cross.stream().filter(f -> f.checkId().equals("stated-rating-differs")).findFirst().orElseThrow();
            assertThat(differs.relatedDocId()).isEqualTo("report");
            assertThat(differs.docId()).isEqualTo("release");
            assertThat(differs.values()).containsEntry("stated_rating", "Requires improvement").containsEntry("extracted_rating", "Good");
            assertThat(differs.scope()).isEqualTo(CheckFinding.CROSS);
            hmip.load.FindingStore.replaceAll(wh.connection(), result.documents(), result.cross());

            TrendTable t = Trends.run(wh.connection(), "stated_vs_extracted_ratings", TrendFilter.NONE);
            int unit = t.columns().indexOf("unit"), status = t.columns().indexOf("status"),
                    stated = t.columns().indexOf("stated_rating"), extracted = t.columns().indexOf("extracted_rating");
            List<String> got = t.rows().stream().map(r -> r.get(unit) + " | " + r.get(stated) + " | " + r.get(extracted)
                    + " | " + r.get(status)).toList();
            assertThat(got).contains("Gwent | Requires improvement | Good | differ",
                    "Cardiff and Vale | Good | null | report not ingested",
                    "Durham Tees Valley | Inadequate | null | report not ingested");
            assertThat(Trends.run(wh.connection(), "stated_vs_extracted_ratings", new TrendFilter("Wales", null, null, null))
                    .rows()).hasSize(2);
        }
    }

    @Test
    void agreementRaisesNothingAndAnOlderInspectionIsNotCompared() throws Exception {
        LaidOutDocument release = layOut("release.txt", "HM Inspectorate of Probation\n3 March 2024\n\n"
                + "Gwent PDU has been rated 'Good'.\n");
        Extraction ex = new InspectionExtractor(Reference.bundled()).extract(release);
        LaidOutDocument reportDoc = layOut("report.txt", "An inspection of probation services in: Gwent PDU\n");
        Provider p = new Provider("Gwent PDU", "PDU", null, null, "Inadequate", List.of(), null);
        Extraction oldReport = new Extraction("report", "pdu_report", null, null, "2021-05", "Wales", "pdu_2021",
                List.of(p), List.of(), List.of(), List.of(), List.of());
        try (Warehouse wh = Warehouse.open(tmp.resolve("w.duckdb"))) {
            PIPELINE.load(wh, reportDoc, oldReport, 10, 1);
            PIPELINE.load(wh, release, ex, 10, 1);
            assertThat(new StatedRatingCheck(Reference.bundled()).run(wh.connection())).isEmpty();
            TrendTable t = Trends.run(wh.connection(), "stated_vs_extracted_ratings", TrendFilter.NONE);
            assertThat(t.rows()).hasSize(1);
            assertThat(t.rows().get(0).get(t.columns().indexOf("status"))).isEqualTo("report not ingested");
        }
    }

    @Test
    void statedUnitsResolveThroughTheGazetteerAsPrinted() {
        Gazetteer g = Reference.bundled().gazetteer();
        Map<String, String[]> cases = Map.of(
                "the National Probation Service (NPS) in Wales", new String[] {"Wales", "NPS division", "nps_division"},
                "Durham Tees Valley Community Rehabilitation Company", new String[] {"Durham Tees Valley", "CRC", "crc"},
                "Leicester, Leicestershire and Rutland Probation Delivery Unit (PDU)",
                new String[] {"Leicester, Leicestershire and Rutland", "PDU", "pdu"});
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            StatedRating s = new StatedRating(c.getKey(), c.getValue()[0], c.getValue()[1], "Good", null, null, null, null);
            Resolution r = StatedRatingCheck.resolve(g, s);
            assertThat(r.resolved()).as(c.getKey()).isTrue();
            assertThat(r.kind()).isEqualTo(c.getValue()[2]);
            assertThat(r.printed()).isEqualTo(c.getKey());
        }
        // the printed forms resolve on their own too
        assertThat(g.resolve("Durham Tees Valley Community Rehabilitation Company (CRC)", null).kind()).isEqualTo(Gazetteer.CRC);
        assertThat(g.resolve("Gwent Probation Delivery Unit (PDU)", null).canonicalName()).isEqualTo("Gwent");
    }

    private static List<String> rows(Statement st, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }
}
