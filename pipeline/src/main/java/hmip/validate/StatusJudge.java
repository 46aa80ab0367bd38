package hmip.validate;

import hmip.model.CheckFinding;
import hmip.model.DocumentStatus;
import hmip.model.Extraction;
import hmip.model.Provider;
import hmip.model.Severity;
import hmip.reference.Reference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides how completely a document was read, and says why in plain words. A document that is not an
 * inspection report or letter is {@code not_a_report}. A report is {@code partial} when extraction recorded a
 * gap (a reader failed, a table was not found and something else was used, pages are missing), when something
 * a document of its type always prints was not found (ratings, an overall rating, key questions in a report on
 * one unit, recommendations), or when a check finds that what was read does not add up (a score the ratings do
 * not give, a rated standard missing, a unit rated in the summary without a table, a value that is not a
 * rating). Otherwise it is {@code complete}.
 *
 * <p>Findings the document itself explains (professional discretion, a standard the score shows was not rated)
 * and findings about the publication rather than our reading (a unit name the gazetteer does not know, a
 * recommendation addressed oddly) do not make a document partial.
 */
public final class StatusJudge {
    /** Check ids whose unexplained findings mean the values read may be wrong or incomplete. */
    private static final Set<String> DOUBTFUL = Set.of("score-mismatch", "score-unverifiable", "standard-missing",
            "standard-rated-twice", "standard-unknown", "rating-unknown", "prose-unit-not-in-tables",
            "prose-rating-mismatch", "kq-band", "recommendation-count", "recommendation-numbering", "check-failed");

    private final Reference reference;

    public StatusJudge(Reference reference) { this.reference = reference; }

    public DocumentStatus judge(Extraction ex, List<CheckFinding> findings) {
        if (ex.isUnreadReport()) return new DocumentStatus(DocumentStatus.PARTIAL, ex.gaps());
        if (!isReport(ex)) {
            List<String> why = new ArrayList<>(ex.gaps());
            why.add(ex.docType() == null || Reference.OTHER.equals(ex.docType())
                    ? "not recognised as an HM Inspectorate of Probation inspection report or letter"
                    : "a " + ex.docType().replace('_', ' ') + ", not an inspection report");
            return new DocumentStatus(DocumentStatus.NOT_A_REPORT, why);
        }
        Set<String> reasons = new LinkedHashSet<>(ex.gaps());
        for (Provider p : ex.providers()) {
            String unit = p.name() == null ? "an unnamed unit" : p.name();
            if (p.name() == null) reasons.add("a ratings table has no unit name");
            if (p.ratings().isEmpty()) reasons.add(unit + ": no standard ratings were found");
            if (p.overallRating() == null) reasons.add(unit + ": no overall rating was found");
        }
        boolean singleUnitReport = ex.providers().size() == 1 && !isLetter(ex);
        if (singleUnitReport && ex.keyQuestions().isEmpty()) reasons.add("no key-question percentages were found");
        if (ex.recommendations().isEmpty()) reasons.add("no recommendations were found");
        for (CheckFinding f : findings) {
            if (f.explained() || f.severity() == Severity.INFO || !DOUBTFUL.contains(f.checkId())) continue;
            if (f.checkId().equals("prose-unit-not-in-tables") && namesAnotherUnit(f)) continue;
            reasons.add((f.provider() == null ? "" : f.provider() + ": ") + f.message());
        }
        return reasons.isEmpty() ? new DocumentStatus(DocumentStatus.COMPLETE, List.of())
                : new DocumentStatus(DocumentStatus.PARTIAL, List.copyOf(reasons));
    }

    /**
     * A sentence that rates a name matching no table while leaving a table unit unnamed most likely names that
     * unit another way (a typo such as "Cheshire North" for Cheshire West): a discrepancy the check records, not
     * a unit the extraction missed.
     */
    private static boolean namesAnotherUnit(CheckFinding f) {
        Object unnamed = f.values().get("table_units_not_named_in_sentence");
        return unnamed instanceof java.util.Collection<?> c && !c.isEmpty();
    }

    private boolean isReport(Extraction ex) {
        return ex.framework() != null && reference.framework(ex.framework()).isPresent() && !ex.providers().isEmpty();
    }

    private boolean isLetter(Extraction ex) {
        return reference.framework(ex.framework()).map(f -> ex.docType().equals(f.multiUnitDocType())).orElse(false);
    }
}
