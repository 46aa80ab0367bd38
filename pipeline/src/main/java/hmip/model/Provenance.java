package hmip.model;

/**
 * Where a value came from: document, 1-based page, character span [start, end) in that page's body
 * text, and the bounding box when the source had geometry (null otherwise).
 */
public record Provenance(String docId, int page, int start, int end, Box box) {
    public Provenance merge(Provenance other) {
        if (other == null) return this;
        if (other.page != page) return this; // a value spanning pages keeps its first page's anchor
        return new Provenance(docId, page, Math.min(start, other.start), Math.max(end, other.end),
                box == null ? other.box : box.union(other.box));
    }
}
