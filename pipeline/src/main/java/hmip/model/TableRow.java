package hmip.model;

import java.util.List;

/**
 * A row of a {@link Table}: exactly one cell per column, left to right (empty where nothing is printed),
 * and the indexes of the page's lines it was read from.
 */
public record TableRow(List<Cell> cells, int firstLine, int lastLine) {
    public TableRow {
        cells = List.copyOf(cells);
    }

    public Cell cell(int column) { return column < cells.size() ? cells.get(column) : Cell.EMPTY; }

    /** The non-empty cells, left to right. */
    public List<Cell> filled() { return cells.stream().filter(c -> !c.isEmpty()).toList(); }

    /** The row's text: its non-empty cells joined by a space. */
    public String text() { return String.join(" ", filled().stream().map(Cell::text).toList()); }
}
