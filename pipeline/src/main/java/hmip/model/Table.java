package hmip.model;

import java.util.List;

/**
 * A table found in a page's positioned text (or, without geometry, in its tab-separated lines): rows top
 * to bottom, each with one cell per column. Rows are logical rows: a cell wrapped over several lines is
 * one cell. Tables only say where text sits; what a cell means is for the extraction readers to decide.
 * {@code firstLine}/{@code lastLine} index the page's body lines ({@link LaidOutPage#lines()}).
 */
public record Table(int page, int columns, List<TableRow> rows, Box box, int firstLine, int lastLine) {
    public Table {
        rows = List.copyOf(rows);
    }

    /** Column {@code c} read top to bottom: every non-empty cell in it, in row order. */
    public List<Cell> column(int c) {
        return rows.stream().map(r -> r.cell(c)).filter(x -> !x.isEmpty()).toList();
    }
}
