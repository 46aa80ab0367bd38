package hmip.extract;

import static org.assertj.core.api.Assertions.assertThat;

import hmip.model.CheckFinding;
import hmip.model.Extraction;
import hmip.model.Provider;
import hmip.model.StandardRating;
import hmip.pipeline.Pipeline;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RatingsTableRulesTest {

    private static Map<String, String> ratings(Provider p) {
        return p.ratings().stream().collect(Collectors.toMap(StandardRating::standard, StandardRating::rating));
    }

    @Test
    void garbledCellsClippedNameAndSplitOverallLabel() {
        Extraction e = Docs.extract(Docs.text(
                "An inspection of probation services in:",
                "# **Anytown North PDU**",
                "The Probation Service – North East region",
                "HM Inspectorate of Probation, March 2024",
                "# **Ratings**",
                "\town North PDU dwork started January 2024\tScore\t5/24",
                "Ove\terall rating\tInadequate\t",
                "1.\tOrganisational delivery",
                "1.1\tLeadership\tInadequate",
                "1.2\tStaff\tRequires improvement",
                "1.3\tServices\tRequires improvement",
                "1.4\tInformation and facilities\tRequires improvement",
                "2.\tCourt work and case supervision",
                "2.2\tAssessment\tInadequate",
                "2.3\tPlanning\tInadequate",
                "2.4\tImplementation and delivery\tRequires improvement",
                "2.5\tReviewing\tInadequate",
                "# **Recommendations**"));
        assertThat(e.docType()).isEqualTo("pdu_report");
        assertThat(e.region()).isEqualTo("North East");
        assertThat(e.published()).isEqualTo("2024-03");
        Provider p = e.providers().get(0);
        assertThat(p.name()).isEqualTo("Anytown North PDU");
        assertThat(p.fieldworkStarted()).isEqualTo("2024-01");
        assertThat(p.overallRating()).isEqualTo("Inadequate");
        assertThat(p.score().points()).isEqualTo(5);
        assertThat(ratings(p)).hasSize(8).containsEntry("2.4", "Requires improvement");
        assertThat(e.notes()).anyMatch(n -> n.contains("clipped"));
    }

    @Test
    void aFieldworkLabelWithNoDateBesideItIsAGapNotASilentNull() {
        Extraction e = Docs.extract(Docs.text(
                "An inspection of probation services in:",
                "# **Anytown North PDU**",
                "The Probation Service – North East region",
                "HM Inspectorate of Probation, March 2024",
                "# **Ratings**",
                "Service:\tAnytown North PDU",
                "Fieldwork started:\t",
                "Overall rating\tInadequate",
                "1.1\tLeadership\tInadequate",
                "1.2\tStaff\tRequires improvement",
                "1.3\tServices\tRequires improvement",
                "1.4\tInformation and facilities\tRequires improvement",
                "# **Recommendations**"));
        Provider p = e.providers().get(0);
        assertThat(p.name()).isEqualTo("Anytown North PDU");
        assertThat(p.fieldworkStarted()).isNull();
        assertThat(e.gaps()).anyMatch(g -> g.contains("'Fieldwork started' label") && g.contains("Anytown North PDU"));
    }

    @Test
    void everyCellOnItsOwnLineAndSeveralProvidersInAnAnnexe() {
        var doc = Docs.text(
                "HM Inspectorate of Probation",
                "25 May 2024",
                "Dear Sam,",
                "Many thanks for your help during the recent review of Probation Service – Wales.",
                "We inspected the Northtown and Southtown Probation Delivery Units (PDUs).",
                "In our PDU inspections, we rated Northtown as 'Good', while Southtown and Westown were rated as 'Inadequate'.",
                "Yours sincerely,",
                "Annexe two – PDU ratings",
                "Northtown PDU",
                "Fieldwork started March 2024",
                "Score",
                "13/27",
                "Overall rating",
                "Good",
                "1. Organisational delivery",
                "1.1 Leadership", "Good",
                "1.2 Staff", "Good",
                "1.3 Services", "Good",
                "1.4 Information and facilities", "Good",
                "2. Court work and case supervision",
                "2.1", "Court work", "Not rated",
                "2.2 Assessment", "Requires improvement",
                "2.3 Planning", "Good",
                "2.4 Implementation and delivery", "Requires improvement",
                "2.5 Reviewing", "Good",
                "Southtown\tFieldwork started April 2024\tScore 2/24",
                "Overall rating\tRating",
                "1.1 Leadership\tInadequate",
                "1.2 Staff\tRequires improvement");
        Extraction e = Docs.extract(doc);
        assertThat(e.docType()).isEqualTo("regional_letter");
        assertThat(e.region()).isEqualTo("Wales");
        assertThat(e.published()).isEqualTo("2024-05-25");
        assertThat(e.title()).isNull();
        assertThat(e.providers()).extracting(Provider::name).containsExactly("Northtown PDU", "Southtown");
        Provider north = e.providers().get(0);
        assertThat(north.score().max()).isEqualTo(27);
        assertThat(ratings(north)).hasSize(9).containsEntry("2.1", "Not rated").containsEntry("2.5", "Good");
        Provider south = e.providers().get(1);
        assertThat(south.fieldworkStarted()).isEqualTo("2024-04");
        assertThat(south.overallRating()).as("placeholder cell, rating from the summary").isEqualTo("Inadequate");
        assertThat(e.notes()).anyMatch(n -> n.contains("prints 'Rating'"));
        // judgements are validation's: the summary names a unit without a table; the score does not add up
        List<CheckFinding> findings = Pipeline.standard().check(doc, e).validation().findings();
        assertThat(findings).anyMatch(f -> f.checkId().equals("prose-unit-not-in-tables") && f.message().contains("Westown"));
        assertThat(findings).noneMatch(f -> f.checkId().equals("prose-unit-not-in-tables")
                && (f.message().contains("Southtown") || f.message().contains("Northtown")));
        assertThat(findings).anyMatch(f -> f.checkId().equals("score-mismatch") && "Northtown PDU".equals(f.provider()));
    }

    @Test
    void ratingsBesideBodyHeadingsAndOverallSentenceIn2018Report() {
        Extraction e = Docs.extract(Docs.pdf(java.util.List.of(
                "Overall, the Eastshire National Probation Service (NPS) division is rated as: Good.",
                "Service:\tNPS Midlands Division",
                "**Fieldwork started:\tOctober 2018",
                "**1.1. Leadership",
                "The leadership of the organisation supports and promotes",
                "the delivery of a high-quality, personalised and responsive Good",
                "service for all service users.",
                "**1.2",
                "**Staff",
                "Requires",
                "improvement",
                "Staff within the organisation are empowered to deliver.",
                "**3.2 Statutory victim work",
                "Relevant and timely information is provided to the victim/s",
                "of a serious offence, and they are given the opportunity to Outstanding",
                "contribute their views at key points in the sentence.",
                "**Does the initial contact with the victims encourage engagement?",
                "other options to see if victims wish to be included in the scheme. Good",
                "records were kept. HM Inspectorate of Probation")));
        assertThat(e.framework()).isEqualTo("nps_2018");
        assertThat(e.docType()).isEqualTo("nps_division_report");
        Provider p = e.providers().get(0);
        assertThat(p.name()).isEqualTo("NPS Midlands Division");
        assertThat(p.type()).isEqualTo("NPS division");
        assertThat(p.fieldworkStarted()).isEqualTo("2018-10");
        assertThat(p.overallRating()).isEqualTo("Good");
        assertThat(ratings(p)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "1.1", "Good", "1.2", "Requires improvement", "3.2", "Outstanding"));
    }

    @Test
    void twoWordRatingWrappedInANarrowCell() {
        Extraction e = Docs.extract(Docs.text(
                "An inspection of probation services in:",
                "Westtown PDU",
                "The Probation Service – London region",
                "HM Inspectorate of Probation, 3 April 2024",
                "Westtown PDU\tScore 9/24",
                "Fieldwork started: 12 January 2024",
                "Overall rating: Requires",
                "improvement",
                "1.1 Leadership\tRequires",
                "improvement",
                "1.2 Staff\tGood",
                "Court work and case supervision people on probation"));
        Provider p = e.providers().get(0);
        assertThat(e.published()).isEqualTo("2024-04-03");
        assertThat(e.region()).isEqualTo("London");
        assertThat(p.fieldworkStarted()).isEqualTo("2024-01");
        assertThat(p.overallRating()).isEqualTo("Requires improvement");
        assertThat(ratings(p)).containsEntry("1.1", "Requires improvement").containsEntry("1.2", "Good");
    }

    @Test
    void ratingWordsInProseAreNotRatings() {
        RatingWords words = new RatingWords(hmip.reference.Reference.bundled());
        assertThat(words.whole("'Not rated'")).contains("Not rated");
        assertThat(words.whole("Requires Improvement")).contains("Requires improvement");
        assertThat(words.whole("Good progress was made")).isEmpty();
        assertThat(words.trailing("for all people Inadequate")).isPresent();
    }
}
