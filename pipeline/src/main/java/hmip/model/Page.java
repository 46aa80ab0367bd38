package hmip.model;

import java.util.List;

/**
 * A page as parsed: its 1-based number, size (0 when unknown), lines in reading order, whether it was
 * OCRed, and the footnote reference marks printed on it (superscript numbers, dropped from the line
 * text): a footnote area is recognised by notes that answer them.
 */
public record Page(int number, float width, float height, List<TextLine> lines, boolean ocr, List<String> noteRefs) {
    public Page {
        lines = List.copyOf(lines);
        noteRefs = noteRefs == null ? List.of() : List.copyOf(noteRefs);
    }

    public Page(int number, float width, float height, List<TextLine> lines, boolean ocr) {
        this(number, width, height, lines, ocr, List.of());
    }
}
