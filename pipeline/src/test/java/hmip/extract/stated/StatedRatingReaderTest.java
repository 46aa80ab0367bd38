package hmip.extract.stated;

import static org.assertj.core.api.Assertions.assertThat;

import hmip.model.StatedRating;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * Press-release texts written for these tests in the Inspectorate's published style (headline, "has been rated",
 * "received an overall rating of", scores in words, several units per release, straight and typographic quotes).
 * None of the names or values below is a rule: the reader knows wording and structure only.
 */
class StatedRatingReaderTest {
    private final StatedRatingReader reader = new StatedRatingReader();

    /** provider as printed | unit | type | rating | score ("" when none). */
    private static String row(StatedRating r) {
        return r.provider() + " | " + r.unit() + " | " + r.providerType() + " | " + r.rating() + " | "
                + (r.score() == null ? "" : r.score().points() + "/" + r.score().max());
    }

    private List<String> rows(String text) {
        return reader.read(text).stream().map(StatedRatingReaderTest::row).toList();
    }

    @Test
    void singlePduReleaseWithScoreInWordsAndTypographicQuotes() {
        String text = """
                Leicester, Leicestershire and Rutland probation services rated ‘Inadequate’
                Published: 12 March 2024

                Leicester, Leicestershire and Rutland Probation Delivery Unit (PDU) has been rated ‘Inadequate’ by HM Inspectorate of Probation.
                Inspectors visited the PDU in November 2023. The PDU received just two inspection points out of a possible 27.
                Chief Inspector of Probation said: “Staff in the PDU are committed, but they are carrying caseloads that are simply too high.”
                The PDU was rated ‘Inadequate’ for assessment and ‘Requires improvement’ for leadership.
                """;
        assertThat(rows(text)).containsExactly(
                "Leicester, Leicestershire and Rutland Probation Delivery Unit (PDU) | Leicester, Leicestershire and Rutland | PDU | Inadequate | 2/27");
        StatedRating r = reader.read(text).get(0);
        String span = text.substring(r.provenance().start(), r.provenance().end());
        assertThat(span).startsWith("Leicester, Leicestershire and Rutland Probation Delivery Unit").endsWith("Inadequate");
        assertThat(text.substring(r.score().provenance().start(), r.score().provenance().end()))
                .isEqualTo("two inspection points out of a possible 27");
        assertThat(r.rule()).isEqualTo("has-been-rated");
        assertThat(r.sentence()).contains("has been rated");
    }

    @Test
    void severalPdusInOneReleaseWithStraightQuotes() {
        String text = """
                Inspectors publish findings on probation services across Wales

                HM Inspectorate of Probation has today published reports on four Probation Delivery Units in Wales.
                Cardiff and Vale PDU and Gwent PDU were both rated 'Good', while Dyfed Powys PDU was rated 'Requires improvement'.
                Inspectors gave North Wales PDU an overall rating of 'Inadequate', scoring it 5 out of a possible 27.
                Swansea, Neath Port Talbot PDU scored 12 out of 27 and was rated 'Requires improvement'.
                Cardiff and Vale PDU scored sixteen points out of a possible 27; Gwent PDU scored 15 out of a possible 27.
                """;
        assertThat(rows(text)).containsExactly(
                "Cardiff and Vale PDU | Cardiff and Vale | PDU | Good | 16/27",
                "Gwent PDU | Gwent | PDU | Good | 15/27",
                "Dyfed Powys PDU | Dyfed Powys | PDU | Requires improvement | ",
                "North Wales PDU | North Wales | PDU | Inadequate | 5/27",
                "Swansea, Neath Port Talbot PDU | Swansea, Neath Port Talbot | PDU | Requires improvement | 12/27");
    }

    @Test
    void npsDivisionAndCommunityRehabilitationCompanies() {
        String text = """
                HM Inspectorate of Probation has published its inspection of probation services in Wales.
                The National Probation Service (NPS) in Wales has been rated “Good”. Inspectors found the division to be well led.
                Wales Community Rehabilitation Company (CRC) has been rated “Requires improvement”.
                In a separate report, Durham Tees Valley Community Rehabilitation Company was rated “Inadequate” overall, scoring just two points out of a possible 30.
                """;
        assertThat(rows(text)).containsExactly(
                "The National Probation Service (NPS) in Wales | Wales | NPS division | Good | ",
                "Wales Community Rehabilitation Company (CRC) | Wales | CRC | Requires improvement | ",
                "Durham Tees Valley Community Rehabilitation Company | Durham Tees Valley | CRC | Inadequate | 2/30");
    }

    @Test
    void standardRatingsEarlierInspectionsCountsAndGenericWordsAreNotTaken() {
        String text = """
                Three PDUs were rated 'Inadequate' in the region this year.
                At its last inspection in 2019, Bolton PDU was rated 'Good'.
                Bolton PDU has now been rated 'Requires improvement'.
                Assessment was rated 'Inadequate' across the PDU.
                Wigan PDU was rated 'Outstanding' for its partnership work.
                The Probation Service should improve the quality of its assessments.
                Good practice was found in Wigan PDU.
                """;
        assertThat(rows(text)).containsExactly("Bolton PDU | Bolton | PDU | Requires improvement | ");
    }

    @Test
    void aReferenceToOneOfSeveralUnitsIsNotGuessed() {
        assertThat(rows("Inspectors visited Oldham PDU and Rochdale PDU in May. The PDU was rated 'Good'.")).isEmpty();
        assertThat(rows("Inspectors visited Oldham PDU in May. It has been rated ‘Good’, scoring 18 out of 27."))
                .containsExactly("Oldham PDU | Oldham | PDU | Good | 18/27");
    }

    @Test
    void bulletListOfUnitsWithBracketedScores() {
        String text = """
                Inspection of probation services: North West region
                The inspectorate rated the PDUs of the region as follows:
                • Wirral PDU – ‘Good’ (16 out of 27)
                • Sefton PDU – ‘Requires improvement’ (11 out of 27)
                • Liverpool North PDU – “Inadequate” (4/27)
                """;
        assertThat(rows(text)).containsExactly(
                "Wirral PDU | Wirral | PDU | Good | 16/27",
                "Sefton PDU | Sefton | PDU | Requires improvement | 11/27",
                "Liverpool North PDU | Liverpool North | PDU | Inadequate | 4/27");
    }

    @Test
    void otherWordingsOfTheInspectorate() {
        String text = """
                The overall rating for Stockport and Tameside PDU is ‘Requires improvement’.
                Salford PDU’s overall rating is 'Good'.
                Inspectors have given an overall rating of “Outstanding” to Bolton PDU.
                Inspectors found Wigan PDU to be 'Good' overall.
                Oldham PDU has improved its rating from ‘Inadequate’ to ‘Requires improvement’.
                Rochdale PDU has dropped from 'Good' to 'Inadequate'.
                Bury PDU has retained its 'Good' rating.
                Manchester North PDU remains ‘Requires improvement’.
                London Community Rehabilitation Company (CRC) has been judged ‘Inadequate’.
                The report covers Sefton PDU (‘Requires improvement’) and Knowsley and St Helens PDU, which was rated “Good”.
                """;
        assertThat(rows(text)).containsExactly(
                "Stockport and Tameside PDU | Stockport and Tameside | PDU | Requires improvement | ",
                "Salford PDU | Salford | PDU | Good | ",
                "Bolton PDU | Bolton | PDU | Outstanding | ",
                "Wigan PDU | Wigan | PDU | Good | ",
                "Oldham PDU | Oldham | PDU | Requires improvement | ",
                "Rochdale PDU | Rochdale | PDU | Inadequate | ",
                "Bury PDU | Bury | PDU | Good | ",
                "Manchester North PDU | Manchester North | PDU | Requires improvement | ",
                "London Community Rehabilitation Company (CRC) | London | CRC | Inadequate | ",
                "Sefton PDU | Sefton | PDU | Requires improvement | ",
                "Knowsley and St Helens PDU | Knowsley and St Helens | PDU | Good | ");
    }

    @Test
    void probationServicesInANamedAreaHaveNoTypeFromTheWording() {
        assertThat(rows("Probation services in Leicester, Leicestershire and Rutland have been rated as ‘Inadequate’."))
                .containsExactly("Probation services in Leicester, Leicestershire and Rutland | Leicester, Leicestershire and Rutland | null | Inadequate | ");
    }

    @Test
    void linesWrappedByAPdfAreOneSentence() {
        String text = "Inspectors have today published their report on the probation delivery unit and found that\n"
                + "Cheshire East PDU has\nbeen rated 'Requires improvement'.";
        assertThat(rows(text)).containsExactly("Cheshire East PDU | Cheshire East | PDU | Requires improvement | ");
    }

    @Test
    void everyRuleReadsItsOwnExampleAndThereAreAtLeastTwentyPatterns() {
        StatedRatingRules rules = StatedRatingRules.standard();
        assertThat(reader.ratingPatterns()).isGreaterThanOrEqualTo(20);
        for (StatedRatingRules.RatingRule rule : rules.ratings) {
            Matcher m = rule.pattern().matcher(rule.example());
            assertThat(m.find()).as(rule.id() + " matches its example").isTrue();
            assertThat(reader.read(rule.example())).as(rule.id() + " example gives a stated rating").isNotEmpty();
        }
        for (StatedRatingRules.ScoreRule rule : rules.scores) {
            assertThat(rule.pattern().matcher(rule.example()).find()).as(rule.id()).isTrue();
        }
    }

    @Test
    void numberWords() {
        assertThat(NumberWords.parse("two")).isEqualTo(2);
        assertThat(NumberWords.parse("twenty-seven")).isEqualTo(27);
        assertThat(NumberWords.parse("Twenty one")).isEqualTo(21);
        assertThat(NumberWords.parse("27")).isEqualTo(27);
        assertThat(NumberWords.parse("nil")).isZero();
        assertThat(NumberWords.parse("many")).isNull();
    }
}
