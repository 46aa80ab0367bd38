package hmip.web;

import java.util.List;

/** RFC 4180 CSV, with cells that a spreadsheet would run as a formula prefixed by a quote. */
public final class Csv {
    private Csv() {}

    public static String of(List<String> columns, List<List<Object>> rows) {
        StringBuilder sb = new StringBuilder();
        line(sb, columns.stream().map(c -> (Object) c).toList());
        for (List<Object> r : rows) line(sb, r);
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append(cell(cells.get(i)));
        }
        sb.append("\r\n");
    }

    static String cell(Object o) {
        if (o == null) return "";
        String s = o.toString();
        if (!(o instanceof Number) && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) s = "'" + s;
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
