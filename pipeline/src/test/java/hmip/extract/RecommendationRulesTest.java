package hmip.extract;

import static org.assertj.core.api.Assertions.assertThat;

import hmip.model.Recommendation;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecommendationRulesTest {
    private static Read<List<Recommendation>> read(hmip.model.LaidOutDocument doc, String singleProvider) {
        return new RecommendationReader().read(Docs.context(doc, "pdu_2021", singleProvider));
    }

    private static List<Recommendation> recs(hmip.model.LaidOutDocument doc, String singleProvider) {
        return read(doc, singleProvider).value();
    }

    @Test
    void recommendationSplitAcrossPagesIsJoinedIntoOneLine() {
        var doc = Docs.pdf(
                List.of("**Recommendations",
                        "**Anytown PDU should:",
                        "1. improve the quality of work to assess and manage risk of harm",
                        "**South East region should:",
                        "2. ensure police information relating to domestic abuse is accessible and of sufficient"),
                List.of("quality to ensure the effective management of risk.",
                        "**HM Prison and Probation Service should:",
                        "3. improve the vetting timescales for the recruitment of staff.",
                        "**Background",
                        "We conducted fieldwork over a week."));
        List<Recommendation> r = recs(doc, "Anytown PDU");
        assertThat(r).hasSize(3);
        assertThat(r.get(1).text()).isEqualTo(
                "ensure police information relating to domestic abuse is accessible and of sufficient quality to ensure the effective management of risk.");
        assertThat(r.get(1).number()).isEqualTo(2);
        assertThat(r.get(1).addressee()).isEqualTo("South East region");
        assertThat(r.get(1).addresseeLevel()).isEqualTo("region");
        assertThat(r.get(1).provenance().page()).isEqualTo(1); // anchored where it starts
        assertThat(r.get(2).addresseeLevel()).isEqualTo("HMPPS");
        assertThat(r.get(2).text()).endsWith("recruitment of staff."); // "Background" is not swallowed
    }

    @Test
    void pageBreakMarkerBetweenGroupsAndBulletNumberMarkersInText() {
        var doc = Docs.text(
                "### **Anytown PDU should:**",
                "- improve the quality of work to assess risk of harm",
                "- 2. ensure information relating to domestic abuse is obtained",
                "---",
                "## The Ministry of Justice should:",
                "- 3. ensure that probation facilities are well maintained.",
                "Background");
        Read<List<Recommendation>> read = read(doc, "Anytown PDU");
        List<Recommendation> r = read.value();
        assertThat(r).extracting(Recommendation::number).containsExactly(1, 2, 3);
        assertThat(r.get(0).text()).isEqualTo("improve the quality of work to assess risk of harm");
        assertThat(r.get(2).addresseeLevel()).isEqualTo("MoJ");
        assertThat(read.notes()).anyMatch(n -> n.contains("printed without its number"));
    }

    @Test
    void regionalLetterSectionsNameTheProvider() {
        var doc = Docs.text(
                "Set out below are the recommendations arising from the inspection of PDUs in this region.",
                "**Northtown**",
                "**The PDU should:**",
                "1. improve court reports",
                "2. improve planning.",
                "**Greater Northshire Region should:**",
                "3. review contracts.",
                "**Southtown PDU**",
                "**Southtown PDU should:**",
                "1. ensure diversity is prioritised.");
        List<Recommendation> r = recs(doc, null);
        assertThat(r).extracting(Recommendation::provider)
                .containsExactly("Northtown", "Northtown", "Northtown", "Southtown PDU");
        assertThat(r.get(2).text()).isEqualTo("review contracts.");
        assertThat(r).extracting(Recommendation::addresseeLevel).containsExactly("PDU", "PDU", "region", "PDU");
    }

    @Test
    void plainSectionHeadingAfterAnItemWithoutFullStop() {
        var doc = Docs.text(
                "Annexe one – Recommendations",
                "Northtown PDU",
                "The PDU should:",
                "1. improve court reports",
                "Southtown PDU",
                "The PDU should:",
                "1. improve planning");
        List<Recommendation> r = recs(doc, null);
        assertThat(r).extracting(Recommendation::provider).containsExactly("Northtown PDU", "Southtown PDU");
        assertThat(r).extracting(Recommendation::text).containsExactly("improve court reports", "improve planning");
    }

    @Test
    void addresseeWrappedOntoTheShouldLine() {
        var doc = Docs.pdf(List.of(
                "**Her Majesty’s Prison and Probation Service, working with the",
                "**Ministry of Justice, should:",
                "1. review the estate.",
                "**The Probation Service should:",
                "2. recruit staff."));
        List<Recommendation> r = recs(doc, "Unit");
        assertThat(r.get(0).addressee()).isEqualTo("Her Majesty’s Prison and Probation Service, working with the Ministry of Justice,");
        assertThat(r.get(0).addresseeLevel()).isEqualTo("HMPPS");
        assertThat(r.get(1).addresseeLevel()).isEqualTo("HMPPS");
    }

    @Test
    void addresseeLevelsComeFromTheReference() {
        hmip.reference.Reference levels = hmip.reference.Reference.bundled();
        assertThat(levels.addresseeLevel("Her Majesty’s Courts and Tribunal Service")).isEqualTo("HMCTS");
        assertThat(levels.addresseeLevel("HM Prison and Probation Service (HMPPS)")).isEqualTo("HMPPS");
        assertThat(levels.addresseeLevel("North West NPS division")).isEqualTo("NPS division");
        assertThat(levels.addresseeLevel("The Ministry of Justice")).isEqualTo("MoJ");
        assertThat(levels.addresseeLevel("The PDU")).isEqualTo("PDU");
        assertThat(levels.addresseeLevel("Local police forces")).isEqualTo("other");
    }
}
