package hmip.model;

import java.util.List;

/**
 * Everything extracted from one document, in the shape of the gold schema
 * ({@code GOLD_SCHEMA.md}) plus findings and provenance. Values are as printed; nothing is corrected.
 * {@code statedRatings} are overall ratings stated in sentences of a press release or landing page
 * (doc type {@code press_release}); reports leave it empty.
 */
public record Extraction(String docId, String docType, String title, String inspectorate, String published,
                         String region, String framework, List<Provider> providers,
                         List<KeyQuestion> keyQuestions, List<Recommendation> recommendations,
                         List<Finding> findings, List<String> notes, List<StatedRating> statedRatings) {
    public Extraction {
        providers = List.copyOf(providers);
        keyQuestions = List.copyOf(keyQuestions);
        recommendations = List.copyOf(recommendations);
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
        statedRatings = statedRatings == null ? List.of() : List.copyOf(statedRatings);
    }

    /** A document without stated ratings (every report). */
    public Extraction(String docId, String docType, String title, String inspectorate, String published,
                      String region, String framework, List<Provider> providers,
                      List<KeyQuestion> keyQuestions, List<Recommendation> recommendations,
                      List<Finding> findings, List<String> notes) {
        this(docId, docType, title, inspectorate, published, region, framework, providers, keyQuestions,
                recommendations, findings, notes, List.of());
    }

    /** What an unrecognised document yields: its type 'other' and nothing invented. */
    public static Extraction other(String docId, String title) {
        return new Extraction(docId, "other", title, null, null, null, null,
                List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
