package hmip.extract;

import hmip.model.Box;
import hmip.model.Provenance;
import java.util.List;

/**
 * One row as readers see it: a body line outside tables (its cells are the line's column runs), a
 * logical row of a table (its cells the table's non-empty cells, a wrapped cell joined into one), or one
 * tile of a grid of tiles. {@code text} is the cells joined by single spaces; the span and box cover every
 * cell. Page breaks are invisible here on purpose, so a list or table that runs over a page is one run of
 * rows. {@code table} marks rows read from a table. {@code extent} is where the row sits for geometric tests
 * (the box in a PDF; in plain text laid out with spaces, its extent on the character grid, which is not
 * provenance), null when unknown.
 */
record Row(int index, int page, String text, List<String> cells, int start, int end, Box box, boolean bold,
           boolean table, Box extent) {
    Row {
        cells = List.copyOf(cells);
    }

    Provenance provenance(String docId) { return new Provenance(docId, page, start, end, box); }

    Row withIndex(int i) { return new Row(i, page, text, cells, start, end, box, bold, table, extent); }

    /** Whether the extent is measured in characters and lines (plain text) rather than points. */
    boolean onCharacterGrid() { return box == null && extent != null; }
}
