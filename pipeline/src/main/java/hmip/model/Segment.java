package hmip.model;

/**
 * A run of words on one line with no column gap inside it: the whole line in running text, one cell's
 * share of the line in a table. {@code offset} is where the run starts in its line's text; {@code box} is
 * null for formats without geometry.
 */
public record Segment(String text, int offset, Box box) {
    public int end() { return offset + text.length(); }
}
