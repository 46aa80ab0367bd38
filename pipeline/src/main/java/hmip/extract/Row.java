package hmip.extract;

import hmip.model.Line;
import hmip.model.Provenance;
import java.util.Arrays;
import java.util.List;

/**
 * One non-blank body line as extractors see it: the layout {@link Line}, its tab-separated cells
 * (a wide gap in a PDF line or a tab in converted text marks a table column) and its position in the
 * document's row sequence. Page breaks are invisible here on purpose, so a list item or table that runs
 * over a page is one run of rows.
 */
record Row(int index, Line line, String text, List<String> cells) {

    static Row of(int index, Line line) {
        String raw = line.text();
        List<String> cells = Arrays.stream(raw.split("\t")).map(String::strip).filter(c -> !c.isEmpty()).toList();
        return new Row(index, line, String.join(" ", cells), cells);
    }

    Provenance provenance(String docId) { return line.provenance(docId); }

    boolean bold() { return line.bold(); }

    float fontSize() { return line.fontSize(); }

    boolean endsSentence() {
        return text.endsWith(".") || text.endsWith("?") || text.endsWith("!");
    }
}
