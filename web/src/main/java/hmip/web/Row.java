package hmip.web;

import java.util.LinkedHashMap;

/** One result row: column name to plain value (String, Number, Boolean or null), in column order. */
public final class Row extends LinkedHashMap<String, Object> {
    public String str(String column) {
        Object v = get(column);
        return v == null ? null : v.toString();
    }

    public Integer integer(String column) {
        Object v = get(column);
        return v instanceof Number n ? n.intValue() : null;
    }
}
