package hmip.model;

import java.util.List;

/**
 * Everything extracted from one document, in the shape of the gold schema ({@code GOLD_SCHEMA.md}) plus
 * findings and provenance. Values are as printed; nothing is corrected. {@code statedRatings} are overall
 * ratings stated in sentences of a press release or landing page (doc type {@code press_release}); reports
 * leave it empty. {@code displayTitle} is a readable title for every document (the printed title, or one
 * composed from what the first page prints when the document has none, as a letter). {@code notes} are
 * oddities met while reading; {@code gaps} say, in plain words, what could not be read (a reader that failed,
 * a table that was not found and what was used instead), for the document's status.
 */
public record Extraction(String docId, String docType, String title, String inspectorate, String published,
                         String region, String framework, List<Provider> providers,
                         List<KeyQuestion> keyQuestions, List<Recommendation> recommendations,
                         List<Finding> findings, List<String> notes, List<StatedRating> statedRatings,
                         String displayTitle, List<String> gaps) {
    public Extraction {
        providers = List.copyOf(providers);
        keyQuestions = List.copyOf(keyQuestions);
        recommendations = List.copyOf(recommendations);
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
        statedRatings = statedRatings == null ? List.of() : List.copyOf(statedRatings);
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
        if (displayTitle == null) displayTitle = title;
    }

    /** A report as the gold schema holds it: no stated ratings, no gaps, its printed title as display title. */
    public Extraction(String docId, String docType, String title, String inspectorate, String published,
                      String region, String framework, List<Provider> providers, List<KeyQuestion> keyQuestions,
                      List<Recommendation> recommendations, List<Finding> findings, List<String> notes) {
        this(docId, docType, title, inspectorate, published, region, framework, providers, keyQuestions,
                recommendations, findings, notes, List.of(), title, List.of());
    }

    /** What an unrecognised document yields: its type 'other' and nothing invented. */
    /**
     * A document that names one of the inspectorate's inspections on its cover but could not be read as one:
     * {@code other}, with the inspectorate set and gaps saying why, so its status is partial, not "not a report".
     */
    public static Extraction unreadReport(String docId, String title, String inspectorate, String published,
                                          String displayTitle, List<String> notes, List<String> gaps) {
        return new Extraction(docId, "other", title, inspectorate, published, null, null,
                List.of(), List.of(), List.of(), List.of(), notes, List.of(), displayTitle, gaps);
    }

    /** An unrecognised report; only its inspectorate and title say otherwise. */
    public boolean isUnreadReport() {
        return "other".equals(docType) && inspectorate != null && title != null && !gaps.isEmpty();
    }

    public static Extraction other(String docId, String title, String displayTitle, List<String> notes, List<String> gaps) {
        return new Extraction(docId, "other", title, null, null, null, null,
                List.of(), List.of(), List.of(), List.of(), notes, List.of(), displayTitle, gaps);
    }
}
