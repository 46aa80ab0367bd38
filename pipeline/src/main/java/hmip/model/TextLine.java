package hmip.model;

import java.util.List;

/**
 * One visual line of text as the parser saw it. {@code box} is null for formats without geometry
 * (plain text, HTML, DOCX through Tika); {@code fontSize} is 0 there. {@code segments} are the line's
 * column runs in reading order; {@code text} is them joined with a tab, the one column mark every
 * format can carry.
 */
public record TextLine(String text, Box box, float fontSize, boolean bold, boolean italic, List<Segment> segments) {
    public TextLine {
        segments = segments == null || segments.isEmpty() ? Segments.split(text) : List.copyOf(segments);
    }

    public TextLine(String text, Box box, float fontSize, boolean bold, boolean italic) {
        this(text, box, fontSize, bold, italic, null);
    }

    public static TextLine plain(String text) { return new TextLine(text, null, 0f, false, false); }
}
