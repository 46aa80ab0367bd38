package hmip.layout;

import hmip.model.Cell;
import hmip.model.Line;
import hmip.model.Segment;
import hmip.model.Table;
import hmip.model.TableRow;
import java.util.ArrayList;
import java.util.List;

/**
 * Tables in text without geometry (Tika's DOCX/HTML text, converter output): a run of consecutive lines
 * that carry tab marks, one row per line, the n-th tab-separated run in column n (empty runs kept, so a
 * value printed after two tabs stays in the third column).
 */
public final class TabbedTableDetector implements TableDetector {
    @Override
    public List<Table> detect(int page, List<Line> lines) {
        List<Table> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            if (lines.get(i).segments().size() < 2) { i++; continue; }
            int j = i;
            while (j + 1 < lines.size() && lines.get(j + 1).segments().size() >= 2) j++;
            out.add(table(page, lines, i, j));
            i = j + 1;
        }
        return out;
    }

    private static Table table(int page, List<Line> lines, int from, int to) {
        int columns = 0;
        for (int k = from; k <= to; k++) columns = Math.max(columns, lines.get(k).segments().size());
        List<TableRow> rows = new ArrayList<>();
        for (int k = from; k <= to; k++) {
            Line l = lines.get(k);
            List<Cell> cells = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                if (c >= l.segments().size()) { cells.add(Cell.EMPTY); continue; }
                Segment s = l.segments().get(c);
                String text = s.text().strip();
                int start = l.start() + s.offset() + (s.text().length() - s.text().stripLeading().length());
                cells.add(text.isEmpty() ? Cell.EMPTY : new Cell(text, null, start, start + text.length()));
            }
            rows.add(new TableRow(cells, k, k));
        }
        return new Table(page, columns, rows, null, from, to);
    }
}
