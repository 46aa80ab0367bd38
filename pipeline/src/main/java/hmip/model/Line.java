package hmip.model;

/**
 * A body line after layout: text with its page and the character span it occupies in that page's
 * body text ({@link LaidOutPage#text()}). Extractors work on these, so every value they find can be
 * traced to a page and a span. {@code box} is null for formats without geometry.
 */
public record Line(int page, int start, int end, String text, Box box, float fontSize, boolean bold) {
    public Provenance provenance(String docId) { return new Provenance(docId, page, start, end, box); }
}
