package hmip.validate;

import static hmip.validate.Fixtures.G;
import static hmip.validate.Fixtures.RI;
import static hmip.validate.Fixtures.laidOut;
import static hmip.validate.Fixtures.pduTable;
import static hmip.validate.Fixtures.provider;
import static org.assertj.core.api.Assertions.assertThat;

import hmip.load.Warehouse;
import hmip.model.CheckFinding;
import hmip.model.Extraction;
import hmip.model.Provider;
import hmip.model.Recommendation;
import hmip.reference.Reference;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportVsLetterCheckTest {
    @TempDir
    Path dir;

    static Extraction doc(String id, String type, List<Provider> ps, List<Recommendation> recs) {
        return new Extraction(id, type, null, null, "2023-06", "North West", "pdu_2021", ps, List.of(), recs, List.of(),
                List.of());
    }

    static final String R1 = "improve the quality of work to assess, plan for, manage and review risk of harm";
    static final String R2 = "ensure that all staff receive training in domestic abuse and child safeguarding";

    List<CheckFinding> run(Extraction report, Extraction letter) throws Exception {
        try (Warehouse wh = Warehouse.open(dir.resolve("w.duckdb"))) {
            hmip.pipeline.Pipeline.standard().load(wh, laidOut(report.docId()), report, 1, 1);
            hmip.pipeline.Pipeline.standard().load(wh, laidOut(letter.docId()), letter, 1, 1);
            return new ReportVsLetterCheck(Reference.bundled()).run(wh.connection());
        }
    }

    @Test
    void agreeingReportAndLetterAreSilent() throws Exception {
        var report = doc("r", "pdu_report", List.of(provider("Cumbria PDU", "7/24", RI, pduTable())),
                List.of(Fixtures.rec("Cumbria PDU", 1, R1), Fixtures.rec("Cumbria PDU", 2, R2)));
        String[] withoutCourt = java.util.Arrays.stream(pduTable()).filter(s -> !s.startsWith("2.1")).toArray(String[]::new);
        var letter = doc("l", "regional_letter", List.of(provider("Cumbria", "7/24", RI, withoutCourt),
                provider("Wirral PDU", "9/27", RI, pduTable())),
                List.of(Fixtures.rec("Cumbria", 1, R1.toUpperCase()), Fixtures.rec("Cumbria", 2, R2 + "."),
                        Fixtures.rec("Wirral PDU", 1, "something else entirely")));
        assertThat(run(report, letter)).isEmpty();
    }

    @Test
    void differentRatingsAndMissingRecommendationsAreWarnings() throws Exception {
        var report = doc("r", "pdu_report", List.of(provider("Cumbria PDU", "7/24", RI, pduTable())),
                List.of(Fixtures.rec("Cumbria PDU", 1, R1), Fixtures.rec("Cumbria PDU", 2, R2)));
        String[] t = pduTable();
        t[1] = "1.2=" + RI;
        var letter = doc("l", "regional_letter", List.of(provider("Cumbria PDU", "6/24", G, t)),
                List.of(Fixtures.rec("Cumbria PDU", 1, R1.replace("manage and", "manage, and"))));
        var f = run(report, letter);
        assertThat(f).extracting(CheckFinding::checkId, CheckFinding::standard).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("pdu-letter-rating-differs", "1.2"),
                org.assertj.core.groups.Tuple.tuple("pdu-letter-rating-differs", "overall"),
                org.assertj.core.groups.Tuple.tuple("pdu-letter-rating-differs", "score"),
                org.assertj.core.groups.Tuple.tuple("pdu-letter-recommendation-missing", null));
        assertThat(f).allMatch(x -> x.scope().equals(CheckFinding.CROSS) && x.docId().equals("l")
                && x.relatedDocId().equals("r"));
    }
}
