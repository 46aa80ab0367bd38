package hmip.model;

import java.util.List;

/** A page as parsed: its 1-based number, size (0 when unknown) and lines in reading order. */
public record Page(int number, float width, float height, List<TextLine> lines, boolean ocr) {
    public Page {
        lines = List.copyOf(lines);
    }
}
