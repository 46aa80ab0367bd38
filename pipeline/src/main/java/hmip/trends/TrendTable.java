package hmip.trends;

import java.util.List;

/**
 * A computed trend table: column names and rows of plain values (String, Number, Boolean or null), and
 * notes qualifying it (for example that a table it needs is not in the warehouse yet, so it is empty).
 */
public record TrendTable(TrendDefinition definition, List<String> columns, List<List<Object>> rows,
                         List<String> notes) {
    public TrendTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A table without notes. */
    public TrendTable(TrendDefinition definition, List<String> columns, List<List<Object>> rows) {
        this(definition, columns, rows, List.of());
    }
}
