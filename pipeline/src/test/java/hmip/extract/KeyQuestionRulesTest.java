package hmip.extract;

import static org.assertj.core.api.Assertions.assertThat;

import hmip.model.KeyQuestion;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyQuestionRulesTest {
    private static List<KeyQuestion> kqs(hmip.model.LaidOutDocument doc, String framework) {
        return new KeyQuestionReader().read(Docs.context(doc, framework, "Unit")).value();
    }

    @Test
    void percentagesSpreadOverLinesIn2021Tables() {
        var doc = Docs.pdf(List.of(
                "**2.2. Assessment",
                "Assessment is well-informed, analytical and personalised, Inadequate",
                "actively involving the person on probation.",
                "**Key question\tPercentage",
                "**'Yes'",
                "Does assessment focus sufficiently on engaging the person on probation?\t54%",
                "Does assessment focus sufficiently on the factors linked to offending and",
                "46%",
                "desistance?",
                "Does the implementation and delivery of services effectively support the 27%",
                "safety of other people?",
                "Does assessment focus sufficiently on keeping other people safe?",
                "22%",
                "Unit is rated as 'Inadequate' for assessment as the lowest score was 22 per cent.",
                "Does this prose question count? 12%"));
        List<KeyQuestion> k = kqs(doc, "pdu_2021");
        assertThat(k).extracting(KeyQuestion::percentYes).containsExactly(54, 46, 27, 22);
        assertThat(k).extracting(KeyQuestion::standard).containsOnly("2.2");
        assertThat(k.get(1).question()).isEqualTo("Does assessment focus sufficiently on the factors linked to offending and desistance?");
        assertThat(k.get(2).question()).isEqualTo("Does the implementation and delivery of services effectively support the safety of other people?");
        assertThat(k).allMatch(q -> q.code() == null);
    }

    @Test
    void codedAnnexRowsWithFootnoteMarkersAndMissingPercentages() {
        var doc = Docs.text(
                "2.2.3. Does planning focus sufficiently on keeping other",
                "people safe?10",
                "71%",
                "3.1.1. Is the pre-sentence information and advice provided",
                "to court sufficiently analytical and personalised to the 75%",
                "service user, supporting the court’s decision-making?",
                "3.2.3. Does pre-release contact with the victim/s allow them",
                "to make appropriate contributions to the conditions of release?",
                "3.2.4. Is there good communication between offender",
                "management and victim liaison to support the safety of victim/s?",
                "Annex 3: Operating model and map");
        List<KeyQuestion> k = kqs(doc, "nps_2018");
        assertThat(k).extracting(KeyQuestion::code).containsExactly("2.2.3", "3.1.1");
        assertThat(k.get(0).question()).isEqualTo("Does planning focus sufficiently on keeping other people safe?");
        assertThat(k.get(0).standard()).isEqualTo("2.2");
        assertThat(k.get(1).percentYes()).isEqualTo(75);
    }
}
