package hmip.layout;

import hmip.model.Box;
import hmip.model.Cell;
import hmip.model.Line;
import hmip.model.Segment;
import hmip.model.Table;
import hmip.model.TableRow;
import java.util.ArrayList;
import java.util.List;

/**
 * Tables in positioned text (PDF), in the manner of tabula-java's stream mode: no ruling lines are needed,
 * only where the words sit.
 * <ul>
 *   <li>A table starts at a line with two or more column runs (the parser splits a line where the gap
 *       between words is wider than an em). Its columns are the horizontal extents of those runs.</li>
 *   <li>It grows over the following lines while each fits the columns: a line with several runs must put
 *       each in a different column, a line with one run must sit inside one column (a wrapped cell,
 *       "improvement" under "Requires"; a row label). A run that reaches across columns (running text), two
 *       runs in one column (another table's grid) or a gap of more than {@value #MAX_GAP_EM} ems ends it.</li>
 *   <li>Lines just above the first that wrap its first column's text (a long unit name in a heading
 *       cell) are taken in.</li>
 *   <li>Logical rows: a line closer to the one above than a row pitch ({@value #ROW_PITCH_EM} ems, top to
 *       top) continues that row, so a wrapped cell is one cell, and a
 *       grid of tiles (code, name and rating stacked in each column) is one row of tiles. Lines inside one
 *       cell are joined with '\n'.</li>
 * </ul>
 * The detector knows nothing about ratings or questions: any tabular text becomes a table, and the
 * extraction readers decide what each means.
 */
public final class PositionedTableDetector implements TableDetector {
    static final float MAX_GAP_EM = 2.6f;
    /** Column extents may miss each other by this much (points) and still be one column. */
    private static final float SLACK = 2f;

    @Override
    public List<Table> detect(int page, List<Line> lines) {
        List<Table> out = new ArrayList<>();
        int i = 0, earliest = 0;
        while (i < lines.size()) {
            if (lines.get(i).box() == null || runs(lines.get(i)).size() < 2) { i++; continue; }
            Region r = grow(lines, i);
            int from = lookBack(lines, r, i, earliest);
            out.add(build(page, lines, r.columns, from, r.last));
            earliest = r.last + 1;
            i = r.last + 1;
        }
        return out;
    }

    /** A table's columns (left/right extents, kept in left-to-right order) and its last line. */
    private static final class Region {
        final List<float[]> columns = new ArrayList<>();
        int last;
    }

    private static Region grow(List<Line> lines, int first) {
        Region r = new Region();
        for (Segment s : runs(lines.get(first))) addColumn(r.columns, s.box());
        r.last = first;
        for (int j = first + 1; j < lines.size(); j++) {
            Line prev = lines.get(j - 1), l = lines.get(j);
            if (l.box() == null || gapEm(prev, l) > MAX_GAP_EM) break;
            List<Segment> runs = runs(l);
            if (runs.isEmpty()) break;
            if (!fits(r.columns, runs)) break;
            for (Segment s : runs) widen(r.columns, s.box());
            r.last = j;
        }
        return r;
    }

    /** Lines above the table that continue its first column's first cell: same style, left edge and close. */
    private static int lookBack(List<Line> lines, Region r, int first, int earliest) {
        int from = first;
        Line top = lines.get(first);
        Box head = runs(top).get(0).box();
        for (int k = first - 1; k >= earliest; k--) {
            Line l = lines.get(k), below = lines.get(k + 1);
            List<Segment> runs = runs(l);
            if (l.box() == null || runs.size() != 1) break;
            Box b = runs.get(0).box();
            boolean sameStyle = l.bold() == top.bold()
                    && Math.abs(l.fontSize() - top.fontSize()) <= 0.1f * Math.max(l.fontSize(), top.fontSize());
            boolean aligned = Math.abs(b.x() - head.x()) <= SLACK && overlapping(r.columns, b).size() == 1
                    && overlapping(r.columns, b).get(0) == 0;
            boolean close = below.box().y() - l.box().y() <= 1.3f * Math.max(l.fontSize(), 1f);
            if (!sameStyle || !aligned || !close) break;
            from = k;
        }
        return from;
    }

    /** Each run in a column of its own: at most one column per run, at most one run per column. */
    private static boolean fits(List<float[]> columns, List<Segment> runs) {
        boolean[] used = new boolean[columns.size()];
        int unplaced = 0;
        for (Segment s : runs) {
            List<Integer> hit = overlapping(columns, s.box());
            if (hit.size() > 1) return false;
            if (hit.isEmpty()) { unplaced++; continue; }
            if (used[hit.get(0)]) return false;
            used[hit.get(0)] = true;
        }
        // a single run outside every column is text beside the table, not in it
        return !(runs.size() == 1 && unplaced == 1);
    }

    private static List<Integer> overlapping(List<float[]> columns, Box b) {
        List<Integer> hit = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            float[] col = columns.get(c);
            if (b.x() < col[1] + SLACK && b.right() > col[0] - SLACK) hit.add(c);
        }
        return hit;
    }

    private static void addColumn(List<float[]> columns, Box b) {
        int at = 0;
        while (at < columns.size() && columns.get(at)[0] < b.x()) at++;
        columns.add(at, new float[] {b.x(), b.right()});
    }

    private static void widen(List<float[]> columns, Box b) {
        List<Integer> hit = overlapping(columns, b);
        if (hit.isEmpty()) {
            addColumn(columns, b);
            return;
        }
        float[] col = columns.get(hit.get(0));
        col[0] = Math.min(col[0], b.x());
        col[1] = Math.max(col[1], b.right());
    }

    private static Table build(int page, List<Line> lines, List<float[]> columns, int from, int to) {
        List<TableRow> rows = new ArrayList<>();
        List<List<Piece>> current = null;
        int rowFrom = from;
        Box tableBox = null;
        for (int k = from; k <= to; k++) {
            Line l = lines.get(k);
            tableBox = tableBox == null ? l.box() : tableBox.union(l.box());
            boolean newRow = current == null || startsRow(lines.get(k - 1), l);
            if (newRow) {
                if (current != null) rows.add(row(current, rowFrom, k - 1));
                current = new ArrayList<>();
                for (int c = 0; c < columns.size(); c++) current.add(new ArrayList<>());
                rowFrom = k;
            }
            for (Segment s : runs(l)) {
                List<Integer> hit = overlapping(columns, s.box());
                int c = hit.isEmpty() ? nearest(columns, s.box()) : hit.get(0);
                current.get(c).add(new Piece(s.text().strip(), s.box(), l.start() + s.offset()
                        + (s.text().length() - s.text().stripLeading().length())));
            }
        }
        if (current != null) rows.add(row(current, rowFrom, to));
        return new Table(page, columns.size(), rows, tableBox, from, to);
    }

    /**
     * Lines of one cell sit about 1.2 ems apart (top to top); rows are further apart by the cells' padding. A
     * line more than {@value #ROW_PITCH_EM} ems below the one above starts a new row.
     */
    private static boolean startsRow(Line above, Line l) {
        float font = Math.max(Math.max(above.fontSize(), l.fontSize()), 1f);
        return l.box().y() - above.box().y() > ROW_PITCH_EM * font;
    }

    static final float ROW_PITCH_EM = 1.45f;

    /** A run's share of a cell. */
    private record Piece(String text, Box box, int start) {}

    private static TableRow row(List<List<Piece>> columns, int firstLine, int lastLine) {
        List<Cell> cells = new ArrayList<>();
        for (List<Piece> pieces : columns) {
            if (pieces.isEmpty()) { cells.add(Cell.EMPTY); continue; }
            StringBuilder text = new StringBuilder();
            Box box = null;
            Piece lastPiece = pieces.get(pieces.size() - 1);
            for (Piece p : pieces) {
                if (!text.isEmpty()) text.append('\n');
                text.append(p.text());
                box = box == null ? p.box() : box.union(p.box());
            }
            cells.add(new Cell(text.toString(), box, pieces.get(0).start(), lastPiece.start() + lastPiece.text().length()));
        }
        return new TableRow(cells, firstLine, lastLine);
    }

    private static int nearest(List<float[]> columns, Box b) {
        int best = 0;
        float bestDist = Float.MAX_VALUE;
        for (int c = 0; c < columns.size(); c++) {
            float d = Math.abs(columns.get(c)[0] - b.x());
            if (d < bestDist) { bestDist = d; best = c; }
        }
        return best;
    }

    /** The line's non-blank column runs that have a box. */
    private static List<Segment> runs(Line l) {
        return l.segments().stream().filter(s -> !s.text().isBlank() && s.box() != null).toList();
    }

    /** White space between two lines, in ems of the larger font. */
    private static float gapEm(Line above, Line below) {
        float font = Math.max(Math.max(above.fontSize(), below.fontSize()), 1f);
        return (below.box().y() - above.box().bottom()) / font;
    }
}
