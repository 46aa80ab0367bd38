package hmip.model;

/** A paragraph, heading, list item, table row or footnote, with its span in the page body text. */
public record Block(int page, int ordinal, BlockKind kind, String text, int start, int end, Box box) {
    public Provenance provenance(String docId) { return new Provenance(docId, page, start, end, box); }
}
