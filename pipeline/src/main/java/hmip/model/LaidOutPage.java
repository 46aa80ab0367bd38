package hmip.model;

import java.util.List;

/**
 * A page after layout. {@code text} is the body text (running headers, footers and page numbers
 * removed, lines joined with '\n'); every {@link Line} and {@link Block} span indexes into it.
 * Footnotes are kept apart from the body in {@code footnotes}.
 */
public record LaidOutPage(int number, String text, List<Line> lines, List<Block> blocks,
                          List<String> removedLines, List<Block> footnotes, boolean ocr) {
    public LaidOutPage {
        lines = List.copyOf(lines);
        blocks = List.copyOf(blocks);
        removedLines = List.copyOf(removedLines);
        footnotes = List.copyOf(footnotes);
    }
}
