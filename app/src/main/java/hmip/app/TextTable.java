package hmip.app;

import hmip.trends.TrendFilter;
import hmip.trends.TrendTable;
import java.util.ArrayList;
import java.util.List;

/** Renders a trend table for the terminal: title, filter, notes, and aligned columns (numbers to the right). */
final class TextTable {
    private TextTable() {}

    static String render(TrendTable t, TrendFilter f, int maxWidth) {
        StringBuilder sb = new StringBuilder();
        sb.append(t.definition().title()).append("  [").append(t.definition().name()).append("]\n");
        List<String> filters = new ArrayList<>();
        if (f.region() != null) filters.add("region=" + f.region());
        if (f.fromYear() != null) filters.add("from=" + f.fromYear());
        if (f.toYear() != null) filters.add("to=" + f.toYear());
        if (f.standard() != null) filters.add("standard=" + f.standard());
        if (!filters.isEmpty()) sb.append("filter: ").append(String.join(", ", filters)).append('\n');
        for (String n : t.notes()) sb.append("note: ").append(n).append('\n');
        int n = t.columns().size();
        int[] w = new int[n];
        boolean[] numeric = new boolean[n];
        java.util.Arrays.fill(numeric, true);
        List<String[]> cells = new ArrayList<>();
        for (List<Object> row : t.rows()) {
            String[] c = new String[n];
            for (int i = 0; i < n; i++) {
                Object v = row.get(i);
                c[i] = cut(format(v), maxWidth);
                if (v != null && !(v instanceof Number)) numeric[i] = false;
            }
            cells.add(c);
        }
        for (int i = 0; i < n; i++) {
            w[i] = t.columns().get(i).length();
            for (String[] c : cells) w[i] = Math.max(w[i], c[i].length());
        }
        line(sb, t.columns().toArray(new String[0]), w, new boolean[n]);
        String[] rule = new String[n];
        for (int i = 0; i < n; i++) rule[i] = "-".repeat(w[i]);
        line(sb, rule, w, new boolean[n]);
        for (String[] c : cells) line(sb, c, w, numeric);
        sb.append('(').append(t.rows().size()).append(t.rows().size() == 1 ? " row)\n" : " rows)\n");
        return sb.toString();
    }

    private static void line(StringBuilder sb, String[] c, int[] w, boolean[] right) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < c.length; i++) {
            if (i > 0) l.append("  ");
            String pad = " ".repeat(w[i] - c[i].length());
            l.append(right[i] ? pad + c[i] : c[i] + pad);
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }

    static String format(Object v) {
        if (v == null) return "";
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : String.valueOf(d);
        }
        return String.valueOf(v).replace('\n', ' ');
    }

    static String cut(String s, int max) {
        return max <= 0 || s.length() <= max ? s : s.substring(0, Math.max(1, max - 1)) + "…";
    }
}
