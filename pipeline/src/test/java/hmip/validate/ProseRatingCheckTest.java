package hmip.validate;

import static hmip.validate.Fixtures.G;
import static hmip.validate.Fixtures.I;
import static hmip.validate.Fixtures.RI;
import static hmip.validate.Fixtures.input;
import static hmip.validate.Fixtures.pduDoc;
import static hmip.validate.Fixtures.pduReport;
import static hmip.validate.Fixtures.pduTable;
import static hmip.validate.Fixtures.provider;
import static org.assertj.core.api.Assertions.assertThat;

import hmip.model.CheckFinding;
import hmip.model.Extraction;
import hmip.model.Severity;
import hmip.reference.Reference;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProseRatingCheckTest {
    final ProseRatingCheck check = new ProseRatingCheck(Reference.bundled());

    Extraction letter() {
        return pduDoc("regional_letter", "North West", List.of(provider("Cheshire West PDU", "7/24", RI, pduTable()),
                provider("Knowsley and St Helens", "2/24", I, pduTable()), provider("Cumbria PDU", "6/27", RI, pduTable())),
                List.of(), List.of());
    }

    @Test
    void summaryThatAgreesIsSilent() {
        var f = check.run(input(letter(), "Summary\nIn our PDU inspections, we rated Cheshire West, and Cumbria as\n"
                + "'Requires improvement', while Knowsley & St Helens PDU was rated as 'Inadequate'."));
        assertThat(f).isEmpty();
    }

    @Test
    void summaryThatDisagreesIsAnError() {
        var f = check.run(input(letter(), "In our PDU inspections, we rated Cheshire West as 'Good', Cumbria as "
                + "'Requires improvement', and Knowsley and St Helens as 'Inadequate'."));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.checkId()).isEqualTo("prose-rating-mismatch");
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.provider()).isEqualTo("Cheshire West PDU");
            assertThat(x.values()).containsEntry("prose_rating", G).containsEntry("table_rating", RI);
            assertThat(x.page()).isEqualTo(1);
        });
    }

    @Test
    void unknownNameIsReportedWithTheUnnamedTableUnitsNotGuessed() {
        var f = check.run(input(letter(), "we rated Cheshire North, and Cumbria as 'Requires improvement', while "
                + "Knowsley and St Helens was rated as 'Inadequate'."));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.checkId()).isEqualTo("prose-unit-not-in-tables");
            assertThat(x.values()).containsEntry("resolution", "unresolved")
                    .containsEntry("table_units_not_named_in_sentence", List.of("Cheshire West PDU"));
        });
    }

    @Test
    void knownUnitWithoutATableIsReported() {
        var f = check.run(input(letter(), "we rated Cumbria as 'Requires improvement' and Wirral as 'Good'."));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.checkId()).isEqualTo("prose-unit-not-in-tables");
            assertThat(x.values()).containsEntry("canonical", "Wirral");
        });
    }

    @Test
    void standardLevelStatements() {
        var ex = pduReport(provider("Liverpool North PDU", "4/24", I, pduTable()));
        assertThat(check.run(input(ex, "49%\nLiverpool North PDU is rated as 'Requires improvement' for reviewing. "
                + "Liverpool North PDU is rated as 'Inadequate' for implementation and delivery as the lowest score was 27."
                + " The PDU has been rated as 'Inadequate' overall."))).isEmpty();
        var f = check.run(input(ex, "Liverpool North PDU is rated as 'Good' for planning."));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.checkId()).isEqualTo("prose-rating-mismatch");
            assertThat(x.standard()).isEqualTo("2.3");
        });
    }

    @Test
    void aSentenceWrappedAfterAShortFirstLineIsStillOneSentence() {
        var f = check.run(input(letter(), "The inspections have now ended. We rated\nCheshire West as 'Good'."));
        assertThat(f).extracting(CheckFinding::checkId).containsExactly("prose-rating-mismatch");
    }

    @Test
    void inThisAreaTakesTheStandardFromTheSectionHeading() {
        var ex = pduReport(provider("Cheshire West PDU", "7/24", RI, pduTable()));
        String page = "2.3. Planning\nPlanning is well-informed, holistic and personalised, Inadequate\nKey question\t"
                + "Percentage\nDoes planning focus sufficiently on keeping other people safe?\t38%\n"
                + "Cheshire West PDU is rated as 'RATING' in\nthis area due to insufficient activity.";
        assertThat(check.run(input(ex, page.replace("RATING", "Inadequate")))).isEmpty();
        assertThat(check.run(input(ex, page.replace("RATING", "Good")))).singleElement().satisfies(x -> {
            assertThat(x.checkId()).isEqualTo("prose-rating-mismatch");
            assertThat(x.standard()).isEqualTo("2.3");
        });
        // no heading on the page, or a heading whose code and name disagree: nothing to compare
        assertThat(check.run(input(ex, "Cheshire West PDU is rated as 'Good' in this area."))).isEmpty();
        assertThat(check.run(input(ex, "2.3. Assessment\nCheshire West PDU is rated as 'Good' in this area."))).isEmpty();
    }

    @Test
    void countsStandardsAndVagueScopesAreNotRatingStatements() {
        var ex = pduReport(provider("Liverpool North PDU", "4/24", I, pduTable()));
        var f = check.run(input(ex, "Of the total number of reviews, two were rated outstanding, 10 were rated good, and "
                        + "nine as requires improvement. In this inspection, three domain two standards were rated "
                        + "'Inadequate', and one was rated 'Requires improvement'. The results were disappointing with "
                        + "three out of four standards rated as 'Inadequate'. Liverpool North PDU is rated as 'Good' in "
                        + "this area because of strong work. Leadership is rated as 'Good'. HM Inspectorate of Probation "
                        + "rated it as 'Good'."));
        assertThat(f).isEmpty();
    }

    @Test
    void placeholderInTheTableIsNotedNotAlarmed() {
        var ex = pduDoc("regional_letter", "North West", List.of(provider("Knowsley and St Helens", "2/24", "Rating",
                pduTable())), List.of(), List.of());
        var f = check.run(input(ex, "Knowsley and St Helens was rated as 'Inadequate'."));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.checkId()).isEqualTo("prose-rating-unconfirmed");
            assertThat(x.alarming()).isFalse();
        });
    }

    @Test
    void npsDivisionOverallStatement() {
        var p = new hmip.model.Provider("NPS North West Division", "NPS division", "2018-10", null, G, List.of(), null);
        var ex = new Extraction("d", "nps_division_report", null, null, null, "North West", "nps_2018", List.of(p),
                List.of(), List.of(), List.of(), List.of());
        assertThat(check.run(input(ex, "Overall findings\nOverall, the North West National Probation Service (NPS) "
                + "division is rated as: Good."))).isEmpty();
        assertThat(check.run(input(ex, "Overall, the North West National Probation Service (NPS) division is rated as: "
                + "Inadequate."))).extracting(CheckFinding::checkId).containsExactly("prose-rating-mismatch");
    }
}
