package hmip.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecommendationClustersTest {
    static RecommendationClusters.Rec rec(String id, String doc, String provider, int n, String text) {
        return new RecommendationClusters.Rec(id, doc, provider, n, text);
    }

    @Test
    void sameRecommendationInReportAndLetterFormsOneCluster() {
        var clusters = RecommendationClusters.cluster(List.of(
                rec("pdu#r1", "pdu", "Cheshire West PDU", 1, "ensure unpaid work (UPW) requirements start promptly"),
                rec("pdu#r2", "pdu", "Cheshire West PDU", 2, "improve the quality of risk assessment"),
                rec("letter#r1", "letter", "Cheshire West", 9, "ensure unpaid work (UPW) requirements start promptly."),
                rec("letter#r2", "letter", "Liverpool North PDU", 9, "ensure unpaid work (UPW) requirements start promptly"),
                rec("letter#r3", "letter", "Cheshire West", 2, "improve the quality of risk assessment work")));
        var upw = clusters.stream().filter(c -> c.members().stream().anyMatch(r -> r.recId().equals("pdu#r1"))).findFirst().orElseThrow();
        // the letter repeats the wording for two PDUs: the report's copy pairs with its own PDU's
        assertThat(upw.members()).extracting(RecommendationClusters.Rec::recId).containsExactlyInAnyOrder("pdu#r1", "letter#r1");
        assertThat(clusters.stream().filter(c -> c.members().size() == 1)).extracting(c -> c.members().get(0).recId())
                .contains("letter#r2");
    }

    @Test
    void differentRecommendationsStayApart() {
        var clusters = RecommendationClusters.cluster(List.of(
                rec("a#r1", "a", "X PDU", 1, "improve access to ViSOR vetting and training"),
                rec("b#r1", "b", "Y PDU", 1, "improve the consistency of recording of ViSOR records")));
        assertThat(clusters).hasSize(2);
    }
}
