package hmip.model;

import java.util.List;

/**
 * A page after layout. {@code text} is the body text (running headers, footers and page numbers
 * removed, lines joined with '\n'); every {@link Line}, {@link Block} and table {@link Cell} span indexes
 * into it. Footnotes are kept apart from the body in {@code footnotes}; {@code tables} are the tables
 * found among the body lines (those lines stay in {@code lines} too).
 */
public record LaidOutPage(int number, String text, List<Line> lines, List<Block> blocks,
                          List<String> removedLines, List<Block> footnotes, boolean ocr, List<Table> tables) {
    public LaidOutPage {
        lines = List.copyOf(lines);
        blocks = List.copyOf(blocks);
        removedLines = List.copyOf(removedLines);
        footnotes = List.copyOf(footnotes);
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    public LaidOutPage(int number, String text, List<Line> lines, List<Block> blocks, List<String> removedLines,
                       List<Block> footnotes, boolean ocr) {
        this(number, text, lines, blocks, removedLines, footnotes, ocr, List.of());
    }

    public LaidOutPage withBlocks(List<Block> newBlocks) {
        return new LaidOutPage(number, text, lines, newBlocks, removedLines, footnotes, ocr, tables);
    }
}
