package hmip.parse;

import static org.assertj.core.api.Assertions.assertThat;

import hmip.model.TextLine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tesseract's words become visual lines with column runs, so tables of scanned pages are found like a PDF's. */
class OcrTsvTest {
    /** A level-5 (word) row of tesseract's TSV: block, paragraph, line, word, left, top, width, height, text. */
    private static String word(int block, int line, int left, int top, int width, String text) {
        return String.join("\t", "5", "1", String.valueOf(block), "1", String.valueOf(line), "1", String.valueOf(left),
                String.valueOf(top), String.valueOf(width), "30", "95", text);
    }

    @Test
    void cellsOfOneRowReadAsSeparateBlocksAreOneLineWithTwoRuns() {
        List<TextLine> lines = Ocr.parseTsv(List.of(
                word(1, 1, 100, 200, 40, "1.1"), word(1, 1, 150, 202, 150, "Leadership"),
                word(2, 1, 900, 198, 180, "Inadequate"),               // the rating cell, another block
                word(1, 2, 100, 300, 40, "1.2"), word(1, 2, 150, 300, 80, "Staff"),
                word(3, 1, 900, 301, 150, "Requires"), word(3, 1, 1060, 301, 220, "improvement")), 0.24f);
        assertThat(lines).extracting(TextLine::text).containsExactly("1.1 Leadership\tInadequate", "1.2 Staff\tRequires improvement");
        assertThat(lines.get(0).segments()).hasSize(2);
        assertThat(lines.get(0).segments().get(1).box().x()).isEqualTo(900 * 0.24f);
        assertThat(lines.get(1).box().y()).isGreaterThan(lines.get(0).box().y());
    }

    @Test
    void aTextLayerOfControlCharactersIsNotText() {
        assertThat(TextLayer.readable(List.of(TextLine.plain("\u0001\u0002\u0003 \u0004\u0002\u0005")))).isFalse();
        assertThat(TextLayer.readable(List.of(TextLine.plain("Inspection of probation services")))).isTrue();
    }
}
