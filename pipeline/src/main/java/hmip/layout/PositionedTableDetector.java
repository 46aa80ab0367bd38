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
 * Tables in positioned text, in the manner of tabula-java's stream mode: no ruling lines are needed, only
 * where the words sit. Positions are glyph boxes in a PDF, or the character grid of plain text laid out with
 * spaces ({@code pdftotext -layout}; one unit per character and per line, so an "em" there is one line).
 * <ul>
 *   <li>A table starts at a line with two or more column runs (the parser splits a line where the gap
 *       between words is wider than an em). Its columns are the horizontal extents of those runs.</li>
 *   <li>It grows over the lines below, then over those above (in about the same size, and with first-column
 *       text starting at that column's left edge: not a heading or a paragraph's end), while each fits the
 *       columns: a line with
 *       several runs must put each in a different column, a line with one run must sit inside one column (a
 *       wrapped cell, "improvement" under "Requires"; a row label; a cell printed above or below the middle
 *       of its row). A run that reaches across columns (running text), two runs in one column (another
 *       table's grid) or a gap of more than {@value #MAX_GAP_EM} ems ends it.</li>
 *   <li>Logical rows: a line less than {@value #ROW_PITCH_EM} ems (top to top) below the one above
 *       continues that row, so a wrapped cell is one cell, and a grid of tiles (code, name and rating
 *       stacked in each column) is one row of tiles. In text, rows are the groups between blank lines, or single
 *       lines where there are none (see {@link #textRows}). Lines inside one cell are joined with '\n'.</li>
 * </ul>
 * The detector knows nothing about ratings or questions: any tabular text becomes a table, and the
 * extraction readers decide what each means.
 */
public final class PositionedTableDetector implements TableDetector {
    static final float MAX_GAP_EM = 2.6f;
    static final float ROW_PITCH_EM = 1.45f;
    /** Column extents may miss each other by this much (points, or characters) and still be one column. */
    private static final float SLACK = 2f;

    @Override
    public List<Table> detect(int page, List<Line> lines) {
        List<Box> boxes = lines.stream().map(PositionedTableDetector::box).toList();
        List<Table> out = new ArrayList<>();
        int i = 0, earliest = 0;
        while (i < lines.size()) {
            if (boxes.get(i) == null || runs(lines.get(i)).size() < 2) { i++; continue; }
            List<float[]> columns = new ArrayList<>();
            for (Segment s : runs(lines.get(i))) addColumn(columns, s.box());
            int last = i;
            while (last + 1 < lines.size() && fitsBeside(lines, boxes, last, last + 1, columns)) last++;
            int first = i;
            while (first - 1 >= earliest && alignedAbove(lines.get(first - 1), lines.get(first), columns)
                    && fitsBeside(lines, boxes, first, first - 1, columns)) {
                first--;
            }
            out.add(build(page, lines, boxes, columns, first, last));
            earliest = last + 1;
            i = last + 1;
        }
        return out;
    }

    /** Whether line {@code next}, next to line {@code member} of the table, belongs to it; widens the columns if so. */
    private static boolean fitsBeside(List<Line> lines, List<Box> boxes, int member, int next, List<float[]> columns) {
        Box a = boxes.get(Math.min(member, next)), b = boxes.get(Math.max(member, next));
        if (a == null || b == null) return false;
        Line upper = lines.get(Math.min(member, next)), lower = lines.get(Math.max(member, next));
        float font = em(upper, lower);
        if ((b.y() - a.bottom()) / font > MAX_GAP_EM) return false;
        List<Segment> runs = runs(lines.get(next));
        if (runs.isEmpty() || !fits(columns, runs)) return false;
        for (Segment s : runs) widen(columns, s.box());
        return true;
    }

    /**
     * Above a table, a line belongs to it only in about the size of the line below it (a heading above a table
     * is larger), and when its text starts in the first column, only at that column's left edge (the end of a
     * paragraph above a table starts at the page margin).
     */
    private static boolean alignedAbove(Line l, Line below, List<float[]> columns) {
        List<Segment> runs = runs(l);
        if (runs.isEmpty()) return false;
        // a heading is set larger than the table under it; inside a table sizes differ less (a name over a date)
        boolean sameSize = Math.abs(l.fontSize() - below.fontSize()) <= 0.25f * Math.max(l.fontSize(), below.fontSize());
        if (!sameSize) return false;
        Box first = runs.get(0).box();
        float slack = l.box() == null ? 0.5f : SLACK; // a character of plain text is a whole unit
        return !overlapping(columns, first).contains(0) || Math.abs(first.x() - columns.get(0)[0]) <= slack;
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

    private static Table build(int page, List<Line> lines, List<Box> boxes, List<float[]> columns, int from, int to) {
        boolean pdf = lines.get(from).box() != null; // character-grid boxes are not kept as provenance
        List<int[]> groups = pdf ? rowsByPitch(lines, boxes, columns, from, to) : textRows(lines, boxes, columns, from, to);
        List<TableRow> rows = new ArrayList<>();
        Box tableBox = null;
        for (int[] g : groups) {
            List<List<Piece>> cells = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) cells.add(new ArrayList<>());
            for (int k = g[0]; k <= g[1]; k++) {
                Line l = lines.get(k);
                if (pdf) tableBox = tableBox == null ? l.box() : tableBox.union(l.box());
                for (Segment s : runs(l)) {
                    List<Integer> hit = overlapping(columns, s.box());
                    int c = hit.isEmpty() ? nearest(columns, s.box()) : hit.get(0);
                    cells.get(c).add(new Piece(s.text().strip(), pdf ? s.box() : null, l.start() + s.offset()
                            + (s.text().length() - s.text().stripLeading().length())));
                }
            }
            rows.add(row(cells, g[0], g[1]));
        }
        return new Table(page, columns.size(), rows, tableBox, from, to);
    }

    /**
     * Rows of positioned text: a line closer than a row pitch to the one above continues its row, and so does
     * the lower-case end of a wrapped label alone in the first column ("Fieldwork" / "started:"), within two
     * ems: producers that set a cell's lines further apart than usual would otherwise split the label.
     */
    private static List<int[]> rowsByPitch(List<Line> lines, List<Box> boxes, List<float[]> columns, int from, int to) {
        List<int[]> groups = new ArrayList<>();
        int start = from;
        for (int k = from + 1; k <= to; k++) {
            Line above = lines.get(k - 1), l = lines.get(k);
            boolean wrappedLabel = endOfWrappedLabel(l, columns)
                    && boxes.get(k).y() - boxes.get(k - 1).y() < 2 * em(above, l);
            if (!wrappedLabel && startsRow(above, boxes.get(k - 1), l, boxes.get(k))) {
                groups.add(new int[] {start, k - 1});
                start = k;
            }
        }
        groups.add(new int[] {start, to});
        return groups;
    }

    /**
     * Rows of text laid out with spaces. When blank lines set apart at least a third of the table's lines, they
     * are the row breaks. Otherwise each line with text in the first column starts a row; a line with nothing
     * there belongs to the label above it ("Barnsley" / "Score 11/27"), except that a label line with a value
     * line just above and just below it (a two-line value centred on a one-line label: "Requires" /
     * "1.3 Services" / "improvement") is one row of three.
     */
    private static List<int[]> textRows(List<Line> lines, List<Box> boxes, List<float[]> columns, int from, int to) {
        int blankGaps = 0;
        for (int k = from + 1; k <= to; k++) if (boxes.get(k).y() - boxes.get(k - 1).y() > 1.5f) blankGaps++;
        if (blankGaps * 3 >= to - from) {
            List<int[]> groups = new ArrayList<>();
            int start = from;
            for (int k = from + 1; k <= to; k++) {
                if (boxes.get(k).y() - boxes.get(k - 1).y() > 1.5f) {
                    groups.add(new int[] {start, k - 1});
                    start = k;
                }
            }
            groups.add(new int[] {start, to});
            return groups;
        }
        // bottom-up, so a value line waits for the label above it: "Barnsley" / "Score 11/27" is one row
        List<int[]> groups = new ArrayList<>();
        int pendingEnd = -1; // last line of values met below, waiting for their label
        for (int k = to; k >= from; k--) {
            boolean valueOnly = !inFirstColumn(lines.get(k), columns);
            boolean centred = valueOnly && k - 2 >= from && inFirstColumn(lines.get(k - 1), columns)
                    && runs(lines.get(k - 1)).size() == 1 && !inFirstColumn(lines.get(k - 2), columns);
            if (centred) {
                groups.add(0, new int[] {k - 2, pendingEnd >= 0 ? pendingEnd : k});
                pendingEnd = -1;
                k -= 2;
            } else if (valueOnly) {
                if (pendingEnd < 0) pendingEnd = k;
            } else {
                groups.add(0, new int[] {k, pendingEnd >= 0 ? pendingEnd : k});
                pendingEnd = -1;
            }
        }
        if (pendingEnd >= 0) groups.add(0, new int[] {from, pendingEnd});
        return groups;
    }

    private static boolean endOfWrappedLabel(Line l, List<float[]> columns) {
        List<Segment> runs = runs(l);
        if (runs.size() != 1 || !overlapping(columns, runs.get(0).box()).equals(List.of(0))) return false;
        String text = runs.get(0).text().strip();
        return !text.isEmpty() && Character.isLowerCase(text.charAt(0));
    }

    private static boolean inFirstColumn(Line l, List<float[]> columns) {
        return runs(l).stream().anyMatch(s -> overlapping(columns, s.box()).contains(0));
    }

    /**
     * Lines of one cell sit about 1.2 ems apart (top to top); rows are further apart by the cells' padding (in
     * text, by a blank line).
     */
    private static boolean startsRow(Line above, Box aboveBox, Line l, Box box) {
        return box.y() - aboveBox.y() > ROW_PITCH_EM * em(above, l);
    }

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
                box = box == null ? p.box() : p.box() == null ? box : box.union(p.box());
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

    /** The line's non-blank column runs that have a position. */
    private static List<Segment> runs(Line l) {
        return l.segments().stream().filter(s -> !s.text().isBlank() && s.box() != null).toList();
    }

    /** The line's box, or the extent of its runs where only those were measured (plain text). */
    private static Box box(Line l) {
        if (l.box() != null) return l.box();
        Box b = null;
        for (Segment s : runs(l)) b = b == null ? s.box() : b.union(s.box());
        return b;
    }

    /** The em of two neighbouring lines: the larger font size, or one line of plain text. */
    private static float em(Line a, Line b) {
        return Math.max(Math.max(a.fontSize(), b.fontSize()), 1f);
    }
}
