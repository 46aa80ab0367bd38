package hmip.model;

import java.util.List;

/**
 * One searchable unit: a block of body text, a recommendation or a finding, with the document facts
 * a researcher filters on (region, year, document type, framework, provider, addressee level, themes), the
 * page and span it came from, and its context: the section heading path it sits under and, for a
 * recommendation, the addressee as printed. The context lets a short passage ("Adequate plans were not
 * always in place to address domestic abuse.") carry its topic into search and theme tagging.
 */
public record Passage(String id, String docId, int page, int spanStart, int spanEnd, String kind, String text,
                      String title, String docType, String region, String year, String provider,
                      String framework, String addresseeLevel, List<String> themes, String section,
                      String addressee) {
    public static final String RECOMMENDATION = "recommendation";
    public static final String FINDING = "finding";

    public Passage {
        themes = themes == null ? List.of() : List.copyOf(themes);
    }

    /** Every kind a passage can be: a layout block's kind (lower case), a recommendation or a finding. */
    public static List<String> kinds() {
        List<String> out = new java.util.ArrayList<>();
        for (BlockKind k : BlockKind.values()) out.add(k.name().toLowerCase(java.util.Locale.ROOT));
        out.add(RECOMMENDATION);
        out.add(FINDING);
        return List.copyOf(out);
    }

    /** A passage without context (section, addressee as printed). */
    public Passage(String id, String docId, int page, int spanStart, int spanEnd, String kind, String text,
                   String title, String docType, String region, String year, String provider,
                   String framework, String addresseeLevel, List<String> themes) {
        this(id, docId, page, spanStart, spanEnd, kind, text, title, docType, region, year, provider, framework,
                addresseeLevel, themes, null, null);
    }

    /** A passage without framework, addressee level or themes (the original shape). */
    public Passage(String id, String docId, int page, int spanStart, int spanEnd, String kind, String text,
                   String title, String docType, String region, String year, String provider) {
        this(id, docId, page, spanStart, spanEnd, kind, text, title, docType, region, year, provider, null, null,
                List.of());
    }

    public Passage withThemes(List<String> newThemes) {
        return new Passage(id, docId, page, spanStart, spanEnd, kind, text, title, docType, region, year, provider,
                framework, addresseeLevel, newThemes, section, addressee);
    }
}
