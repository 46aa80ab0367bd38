package hmip.model;

/**
 * One visual line of text as the parser saw it. {@code box} is null for formats without geometry
 * (plain text, HTML, DOCX through Tika); {@code fontSize} is 0 there.
 */
public record TextLine(String text, Box box, float fontSize, boolean bold, boolean italic) {
    public static TextLine plain(String text) { return new TextLine(text, null, 0f, false, false); }
}
