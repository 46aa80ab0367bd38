package hmip.trends;

import java.util.List;

/** A computed trend table: column names and rows of plain values (String, Number, Boolean or null). */
public record TrendTable(TrendDefinition definition, List<String> columns, List<List<Object>> rows) {
    public TrendTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
    }
}
