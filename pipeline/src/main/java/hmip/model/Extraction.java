package hmip.model;

import java.util.List;

/**
 * Everything extracted from one document, in the shape of the gold schema
 * ({@code GOLD_SCHEMA.md}) plus findings and provenance. Values are as printed; nothing is corrected.
 */
public record Extraction(String docId, String docType, String title, String inspectorate, String published,
                         String region, String framework, List<Provider> providers,
                         List<KeyQuestion> keyQuestions, List<Recommendation> recommendations,
                         List<Finding> findings, List<String> notes) {
    public Extraction {
        providers = List.copyOf(providers);
        keyQuestions = List.copyOf(keyQuestions);
        recommendations = List.copyOf(recommendations);
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }

    /** What an unrecognised document yields: its type 'other' and nothing invented. */
    public static Extraction other(String docId, String title) {
        return new Extraction(docId, "other", title, null, null, null, null,
                List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
