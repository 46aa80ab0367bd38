package hmip.model;

/**
 * One cell of a {@link Table}: its text (a cell wrapped over several lines is joined with single spaces),
 * its box (null without geometry) and the span in the page's body text from its first to its last
 * character. An empty cell has empty text and no box.
 */
public record Cell(String text, Box box, int start, int end) {
    public static final Cell EMPTY = new Cell("", null, -1, -1);

    public boolean isEmpty() { return text.isBlank(); }

    public Provenance provenance(String docId, int page) {
        return new Provenance(docId, page, start, end, box);
    }
}
