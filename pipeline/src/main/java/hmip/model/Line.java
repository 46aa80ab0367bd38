package hmip.model;

import java.util.List;

/**
 * A body line after layout: text with its page and the character span it occupies in that page's
 * body text ({@link LaidOutPage#text()}). Extractors work on these, so every value they find can be
 * traced to a page and a span. {@code box} is null for formats without geometry. {@code segments} are
 * the line's column runs, their offsets relative to {@code start}.
 */
public record Line(int page, int start, int end, String text, Box box, float fontSize, boolean bold,
                   List<Segment> segments) {
    public Line {
        segments = segments == null || segments.isEmpty() ? Segments.split(text) : List.copyOf(segments);
    }

    public Line(int page, int start, int end, String text, Box box, float fontSize, boolean bold) {
        this(page, start, end, text, box, fontSize, bold, null);
    }

    public Provenance provenance(String docId) { return new Provenance(docId, page, start, end, box); }
}
