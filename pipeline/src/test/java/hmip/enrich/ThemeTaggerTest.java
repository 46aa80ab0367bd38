package hmip.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThemeTaggerTest {
    static List<String> themes(String text) {
        return ThemeTagger.standard().tag(text).stream().map(ThemeTagger.ThemeMatch::theme).toList();
    }

    @Test
    void taxonomyHasTheThemesTheIssueNames() {
        List<String> ids = Taxonomy.standard().themes().stream().map(Taxonomy.Theme::id).toList();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(20).contains("domestic_abuse", "child_safeguarding", "risk_of_harm",
                "management_oversight", "staffing_vacancies", "workloads", "training_pqip", "unpaid_work",
                "accredited_programmes", "accommodation", "commissioned_services", "victims", "diversity_inclusion",
                "estates_it", "court_work", "mappa_visor", "resettlement", "enforcement", "engagement",
                "police_information_sharing", "mental_health", "substance_misuse");
        for (Taxonomy.Theme t : Taxonomy.standard().themes()) assertThat(t.terms()).as(t.id()).isNotEmpty();
    }

    @Test
    void phrasesAndAbbreviationsMatchOnLemmas() {
        assertThat(themes("Domestic abuse checks were not always completed.")).contains("domestic_abuse");
        assertThat(themes("DA enquiries were late.")).contains("domestic_abuse");
        assertThat(themes("The backlog of UPW hours grew.")).contains("unpaid_work", "backlogs_delays");
        assertThat(themes("Staff could not get ViSOR access because vetting was slow.")).contains("mappa_visor");
        assertThat(themes("Services from the National Autistic Society supported neurodiverse people."))
                .contains("neurodiversity");
    }

    @Test
    void evidenceRecordsTheMatchedWordsAndSpan() {
        String text = "Managers did not countersign assessments; management oversight was weak.";
        ThemeTagger.ThemeMatch m = ThemeTagger.standard().tag(text).stream()
                .filter(x -> x.theme().equals("management_oversight")).findFirst().orElseThrow();
        assertThat(m.evidenceText()).contains("management oversight");
        for (ThemeTagger.Evidence e : m.evidence()) assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text());
    }

    @Test
    void capitalisedAbbreviationsNeedTheirCaseAndLemmasDoNotOvermatch() {
        assertThat(themes("It was clear that it helped.")).doesNotContain("estates_it");
        assertThat(themes("The IT system and laptops failed.")).contains("estates_it");
        // "staffing" must not make every mention of "staff" a staffing theme
        assertThat(themes("Staff said they liked the new office and the staff room.")).doesNotContain("staffing_vacancies");
        assertThat(themes("Nothing about probation themes here.")).isEmpty();
    }
}
