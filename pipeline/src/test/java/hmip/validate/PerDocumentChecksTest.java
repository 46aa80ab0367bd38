package hmip.validate;

import static hmip.validate.Fixtures.G;
import static hmip.validate.Fixtures.I;
import static hmip.validate.Fixtures.NR;
import static hmip.validate.Fixtures.O;
import static hmip.validate.Fixtures.RI;
import static hmip.validate.Fixtures.input;
import static hmip.validate.Fixtures.kq;
import static hmip.validate.Fixtures.pduDoc;
import static hmip.validate.Fixtures.pduReport;
import static hmip.validate.Fixtures.pduTable;
import static hmip.validate.Fixtures.provider;
import static hmip.validate.Fixtures.rec;
import static org.assertj.core.api.Assertions.assertThat;

import hmip.model.CheckFinding;
import hmip.model.Severity;
import hmip.reference.Reference;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PerDocumentChecksTest {
    static final Reference REF = Reference.bundled();

    @Nested
    class Score {
        final ScoreCheck check = new ScoreCheck(REF);

        @Test
        void agreeingScoreIsSilent() {
            assertThat(check.run(input(pduReport(provider("Cheshire West PDU", "7/24", RI, pduTable()))))).isEmpty();
        }

        @Test
        void notRatedAndOutcomesAreExcludedAndCaseIsIgnored() {
            var p = provider("X PDU", "10/27", RI, "1.1=Requires Improvement", "1.2=" + G, "1.3=" + RI, "1.4=" + RI,
                    "2.1=" + I, "2.2=" + RI, "2.3=" + G, "2.4=" + RI, "2.5=" + RI, "2.6=" + NR);
            assertThat(check.run(input(pduReport(p)))).isEmpty();
        }

        @Test
        void wrongPointsAreAnError() {
            var f = check.run(input(pduReport(provider("X PDU", "8/24", RI, pduTable()))));
            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.checkId()).isEqualTo("score-mismatch");
                assertThat(x.severity()).isEqualTo(Severity.ERROR);
                assertThat(x.values()).containsEntry("printed", "8/24").containsEntry("recomputed", "7/24");
            });
        }

        @Test
        void wrongMaximumIsAnError() {
            var f = check.run(input(pduReport(provider("X PDU", "7/27", RI, pduTable()))));
            assertThat(f).extracting(CheckFinding::checkId).containsExactly("score-mismatch");
        }

        @Test
        void aPlaceholderInsteadOfARatingMakesTheScoreUnverifiable() {
            var f = check.run(input(pduReport(provider("X PDU", "7/24", RI, "1.1=Rating", "1.2=" + G))));
            assertThat(f).extracting(CheckFinding::checkId).containsExactly("score-unverifiable");
        }

        @Test
        void noPrintedScoreNoCheck() {
            assertThat(check.run(input(pduReport(provider("X PDU", null, RI, pduTable()))))).isEmpty();
        }
    }

    @Nested
    class Bands {
        final BandCheck check = new BandCheck(REF);

        @Test
        void bandEdges() {
            assertThat(REF.band(100)).isEqualTo(O);
            assertThat(REF.band(80)).isEqualTo(O);
            assertThat(REF.band(79)).isEqualTo(G);
            assertThat(REF.band(65)).isEqualTo(G);
            assertThat(REF.band(64)).isEqualTo(RI);
            assertThat(REF.band(50)).isEqualTo(RI);
            assertThat(REF.band(49)).isEqualTo(I);
            assertThat(REF.band(0)).isEqualTo(I);
        }

        @Test
        void ratingsInTheirLowestBandAreSilent() {
            var p = provider("X PDU", null, G, "2.2=" + G, "2.3=" + RI, "2.4=" + I, "2.5=" + O);
            var ex = pduReport(p, kq("X PDU", "2.2", 65), kq("X PDU", "2.2", 90), kq("X PDU", "2.3", 50),
                    kq("X PDU", "2.3", 64), kq("X PDU", "2.4", 49), kq("X PDU", "2.5", 80), kq("X PDU", "2.6", 10));
            assertThat(check.run(input(ex))).isEmpty();
        }

        @Test
        void outOfBandWithoutDiscretionIsAWarning() {
            var ex = pduReport(provider("X PDU", null, RI, "2.5=" + RI), kq("X PDU", "2.5", 68), kq("X PDU", "2.5", 49));
            var f = check.run(input(ex, "X PDU is rated as 'Requires improvement' for reviewing."));
            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.checkId()).isEqualTo("kq-band");
                assertThat(x.explained()).isFalse();
                assertThat(x.severity()).isEqualTo(Severity.WARNING);
                assertThat(x.values()).containsEntry("band", I).containsEntry("lowest_percent", 49);
            });
        }

        @Test
        void professionalDiscretionNearTheStandardExplainsIt() {
            var ex = pduReport(provider("X PDU", null, RI, "2.5=" + RI), kq("X PDU", "2.5", 49));
            var f = check.run(input(ex, "Some other page.", "Reviewing\nDoes reviewing focus on safety? 49%\n"
                    + "X PDU is rated as 'Requires improvement' for reviewing. Professional\ndiscretion was applied as the "
                    + "lowest score was within five percentage points of the rating boundary."));
            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.explained()).isTrue();
                assertThat(x.severity()).isEqualTo(Severity.INFO);
                assertThat(x.page()).isEqualTo(2);
                assertThat(x.alarming()).isFalse();
            });
        }

        @Test
        void discretionAboutAnotherStandardDoesNotExplain() {
            var ex = pduReport(provider("X PDU", null, RI, "2.3=" + RI), kq("X PDU", "2.3", 40));
            var f = check.run(input(ex, "Professional discretion was applied to the rating for court work.",
                    "x".repeat(500) + " planning was weak " + "y".repeat(500)));
            assertThat(f).singleElement().satisfies(x -> assertThat(x.explained()).isFalse());
        }

        @Test
        void npsCodesUseTheirOwnFramework() {
            var p = provider("NPS North West Division", null, G, "2.1=" + G);
            var ex = new hmip.model.Extraction("d", "nps_division_report", null, null, null, "North West", "nps_2018",
                    List.of(p), List.of(kq("NPS North West Division", "2.1", 76), kq("NPS North West Division", "2.1", 60)),
                    List.of(), List.of(), List.of());
            assertThat(check.run(input(ex))).extracting(CheckFinding::standard).containsExactly("2.1");
        }
    }

    @Nested
    class Coverage {
        final StandardsCoverageCheck check = new StandardsCoverageCheck(REF);

        @Test
        void completeTableIsSilent() {
            assertThat(check.run(input(pduReport(provider("X PDU", "7/24", RI, pduTable()))))).isEmpty();
        }

        @Test
        void missingStandardWithoutScoreIsAWarning() {
            var f = check.run(input(pduReport(provider("X PDU", null, RI, "1.1=" + RI, "1.2=" + G, "1.3=" + RI,
                    "1.4=" + G, "2.1=" + NR, "2.2=" + I, "2.4=" + I, "2.5=" + RI))));
            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.checkId()).isEqualTo("standard-missing");
                assertThat(x.standard()).isEqualTo("2.3");
                assertThat(x.alarming()).isTrue();
            });
        }

        @Test
        void missingCourtWorkExplainedByAScoreOutOf24() {
            var f = check.run(input(pduReport(provider("X PDU", "7/24", RI, "1.1=" + RI, "1.2=" + G, "1.3=" + RI,
                    "1.4=" + G, "2.2=" + I, "2.3=" + I, "2.4=" + I, "2.5=" + RI))));
            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.standard()).isEqualTo("2.1");
                assertThat(x.explained()).isTrue();
                assertThat(x.alarming()).isFalse();
            });
        }

        @Test
        void ratedTwiceDifferentlyIsAnErrorSameValueIsNot() {
            String[] t = pduTable();
            var twiceSame = provider("X PDU", "7/24", RI, concat(t, "2.2=" + I));
            assertThat(check.run(input(pduReport(twiceSame)))).isEmpty();
            var twiceDiff = provider("X PDU", "7/24", RI, concat(t, "2.2=" + G));
            assertThat(check.run(input(pduReport(twiceDiff)))).extracting(CheckFinding::checkId)
                    .containsExactly("standard-rated-twice");
        }

        @Test
        void unknownCodeIsReported() {
            var f = check.run(input(pduReport(provider("X PDU", "7/24", RI, concat(pduTable(), "3.2=" + G)))));
            assertThat(f).extracting(CheckFinding::checkId).contains("standard-unknown");
        }

        private String[] concat(String[] a, String b) {
            String[] out = java.util.Arrays.copyOf(a, a.length + 1);
            out[a.length] = b;
            return out;
        }
    }

    @Nested
    class IdenticalTables {
        final IdenticalTablesCheck check = new IdenticalTablesCheck(REF);

        @Test
        void twoUnitsWithTheSameTableAreFlagged() {
            var ex = pduDoc("regional_letter", "Greater Manchester", List.of(provider("Tameside PDU", "7/24", RI, pduTable()),
                    provider("Wigan PDU", "7/24", RI, pduTable())), List.of(), List.of());
            assertThat(check.run(input(ex))).extracting(CheckFinding::checkId).containsExactly("identical-tables");
        }

        @Test
        void oneDifferentRatingIsEnough() {
            String[] other = pduTable();
            other[1] = "1.2=" + RI;
            var ex = pduDoc("regional_letter", "Greater Manchester", List.of(provider("Tameside PDU", "7/24", RI, pduTable()),
                    provider("Wigan PDU", "7/24", RI, other)), List.of(), List.of());
            assertThat(check.run(input(ex))).isEmpty();
        }

        @Test
        void sameUnitPrintedTwiceAndSmallTablesAreNotCopies() {
            var same = pduDoc("regional_letter", "North West", List.of(provider("Blackburn PDU", "7/24", RI, pduTable()),
                    provider("Blackburn with Darwen", "7/24", RI, pduTable())), List.of(), List.of());
            assertThat(check.run(input(same))).isEmpty();
            var small = pduDoc("regional_letter", "Greater Manchester", List.of(provider("Tameside PDU", null, RI, "1.1=" + RI),
                    provider("Wigan PDU", null, RI, "1.1=" + RI)), List.of(), List.of());
            assertThat(check.run(input(small))).isEmpty();
        }
    }

    @Nested
    class Names {
        final ProviderNameCheck check = new ProviderNameCheck(REF);

        @Test
        void variantsResolveSilently() {
            var ex = pduDoc("regional_letter", "North West", List.of(provider("Knowsley and St Helens", "2/24", I, pduTable()),
                    provider("Blackburn PDU", "7/24", RI, pduTable())),
                    List.of(), List.of(rec("Knowsley & St Helens PDU", 1, "a"), rec("Blackburn with Darwen", 1, "b")));
            assertThat(check.run(input(ex))).isEmpty();
        }

        @Test
        void unknownNameIsReportedNotGuessed() {
            var ex = pduReport(provider("Cheshire North PDU", "7/24", RI, pduTable()));
            assertThat(check.run(input(ex))).singleElement().satisfies(f -> {
                assertThat(f.checkId()).isEqualTo("provider-unresolved");
                assertThat(f.values()).containsEntry("resolution", "unresolved");
            });
        }

        @Test
        void unitOfAnotherRegionIsReported() {
            var ex = pduReport(provider("Wigan PDU", "7/24", RI, pduTable()));
            assertThat(check.run(input(ex))).extracting(CheckFinding::checkId).containsExactly("provider-out-of-region");
        }

        @Test
        void addresseeOfAnotherUnitOrRegionIsReported() {
            var recs = List.of(
                    new hmip.model.Recommendation("Tameside PDU", "The PDU", "PDU", 1, "a", null),
                    new hmip.model.Recommendation("Tameside PDU", "Tameside PDU", "PDU", 2, "b", null),
                    new hmip.model.Recommendation("Tameside PDU", "Greater Manchester Region", "region", 3, "c", null),
                    new hmip.model.Recommendation("Tameside PDU", "HM Prison and Probation Service", "HMPPS", 4, "d", null),
                    new hmip.model.Recommendation("Wigan PDU", "Tameside PDU", "PDU", 1, "e", null),
                    new hmip.model.Recommendation("Wigan PDU", "North West region", "region", 2, "f", null));
            var ex = pduDoc("regional_letter", "Greater Manchester", List.of(provider("Tameside PDU", "7/27", RI, pduTable()),
                    provider("Wigan PDU", "8/27", RI, pduTable())), List.of(), recs);
            assertThat(check.run(input(ex))).extracting(CheckFinding::checkId, f -> f.values().get("addressee"))
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("recommendation-addressee-mismatch", "Tameside PDU"),
                            org.assertj.core.groups.Tuple.tuple("recommendation-addressee-mismatch", "North West region"));
        }

        @Test
        void recommendationsUnderAUnitWithoutATable() {
            var ex = pduDoc("regional_letter", "Greater Manchester", List.of(provider("Wigan PDU", "7/24", RI, pduTable())),
                    List.of(), List.of(rec("Wigan PDU", 1, "a"), rec("Tameside PDU", 1, "b")));
            assertThat(check.run(input(ex))).singleElement().satisfies(f -> {
                assertThat(f.checkId()).isEqualTo("recommendation-section-not-in-tables");
                assertThat(f.values()).containsEntry("canonical", "Tameside");
            });
        }
    }
}
