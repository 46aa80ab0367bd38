package hmip.web;

import static hmip.web.Html.esc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Inline SVG bar charts drawn on the server, so the pages need no chart library. A table is charted
 * as grouped bars: the first label column gives the categories, the second (if any) the series, and
 * the first numeric column the bar heights. Year columns count as labels.
 */
public final class Charts {
    static final String[] COLOURS = {"#1d70b8", "#d4351c", "#00703c", "#f47738", "#4c2c92", "#b58840", "#5694ca",
            "#912b88"};
    private static final int MAX_CATEGORIES = 40;
    private static final int MAX_SERIES = COLOURS.length;

    private Charts() {}

    /** The chart for a table, or null when it has no label column or no numeric column to draw. */
    public static String bars(String title, List<String> columns, List<List<Object>> rows) {
        int measure = -1;
        List<Integer> labels = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (isNumeric(rows, c) && !isYear(columns.get(c))) {
                if (measure < 0) measure = c;
            } else {
                labels.add(c);
            }
        }
        if (measure < 0 || labels.isEmpty() || rows.isEmpty()) return null;
        int cat = labels.get(0);
        Integer ser = labels.size() > 1 ? labels.get(1) : null;
        Map<String, Map<String, Double>> values = new LinkedHashMap<>();
        LinkedHashSet<String> series = new LinkedHashSet<>();
        for (List<Object> r : rows) {
            String c = label(r.get(cat));
            String s = ser == null ? columns.get(measure) : label(r.get(ser));
            if (!values.containsKey(c) && values.size() >= MAX_CATEGORIES) continue;
            if (!series.contains(s) && series.size() >= MAX_SERIES) continue;
            series.add(s);
            Object v = r.get(measure);
            if (v instanceof Number n) values.computeIfAbsent(c, k -> new LinkedHashMap<>()).merge(s, n.doubleValue(), Double::sum);
        }
        double max = values.values().stream().flatMap(m -> m.values().stream()).mapToDouble(Double::doubleValue)
                .max().orElse(0);
        if (max <= 0) max = 1;
        double step = niceStep(max / 4);
        int ticks = (int) Math.ceil(max / step - 1e-9);
        max = step * ticks;

        int left = 48, right = 12, top = 28, bottom = 90;
        int plotW = Math.max(360, values.size() * Math.max(24, series.size() * 14));
        int plotH = 220;
        int legendCols = Math.max(1, plotW / 170);
        int w = left + plotW + right, h = top + plotH + bottom + 22 * ((series.size() + legendCols - 1) / legendCols);
        StringBuilder sb = new StringBuilder();
        sb.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
                .append(w).append(' ').append(h).append("\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" aria-label=\"").append(esc(title)).append("\"><title>").append(esc(title)).append("</title>");
        // axis and gridlines
        for (int i = 0; i <= ticks; i++) {
            double v = step * i;
            int y = top + plotH - (int) Math.round(plotH * (double) i / ticks);
            sb.append("<line x1=\"").append(left).append("\" x2=\"").append(left + plotW).append("\" y1=\"").append(y)
                    .append("\" y2=\"").append(y).append("\" stroke=\"#ddd\"/>");
            sb.append("<text x=\"").append(left - 6).append("\" y=\"").append(y + 4)
                    .append("\" text-anchor=\"end\" font-size=\"11\">").append(esc(fmt(v))).append("</text>");
        }
        sb.append("<text x=\"").append(left).append("\" y=\"16\" font-size=\"12\" font-weight=\"bold\">")
                .append(esc(columns.get(measure))).append("</text>");
        double catW = (double) plotW / values.size();
        double barW = Math.max(2, catW * 0.8 / series.size());
        int ci = 0;
        List<String> seriesList = new ArrayList<>(series);
        for (var e : values.entrySet()) {
            double x0 = left + ci * catW + catW * 0.1;
            for (int si = 0; si < seriesList.size(); si++) {
                Double v = e.getValue().get(seriesList.get(si));
                if (v == null) continue;
                double bh = plotH * v / max;
                sb.append("<rect x=\"").append(fmt(x0 + si * barW)).append("\" y=\"").append(fmt(top + plotH - bh))
                        .append("\" width=\"").append(fmt(barW)).append("\" height=\"").append(fmt(bh))
                        .append("\" fill=\"").append(COLOURS[si % COLOURS.length]).append("\"><title>")
                        .append(esc(e.getKey() + (ser == null ? "" : " · " + seriesList.get(si)) + ": " + fmt(v)))
                        .append("</title></rect>");
            }
            double cx = left + ci * catW + catW / 2;
            sb.append("<text font-size=\"11\" text-anchor=\"end\" transform=\"translate(").append(fmt(cx)).append(',')
                    .append(top + plotH + 12).append(") rotate(-40)\">").append(esc(shorten(e.getKey(), 18)))
                    .append("</text>");
            ci++;
        }
        sb.append("<line x1=\"").append(left).append("\" x2=\"").append(left + plotW).append("\" y1=\"")
                .append(top + plotH).append("\" y2=\"").append(top + plotH).append("\" stroke=\"#0b0c0c\"/>");
        if (ser != null || seriesList.size() > 1) {
            int ly = top + plotH + bottom;
            for (int si = 0; si < seriesList.size(); si++) {
                int lx = left + (si % legendCols) * 170, yy = ly + (si / legendCols) * 22;
                sb.append("<rect x=\"").append(lx).append("\" y=\"").append(yy - 10)
                        .append("\" width=\"12\" height=\"12\" fill=\"").append(COLOURS[si % COLOURS.length])
                        .append("\"/><text x=\"").append(lx + 16).append("\" y=\"").append(yy)
                        .append("\" font-size=\"11\">").append(esc(shorten(seriesList.get(si), 24))).append("</text>");
            }
        }
        return sb.append("</svg>").toString();
    }

    static boolean isNumeric(List<List<Object>> rows, int c) {
        boolean any = false;
        for (List<Object> r : rows) {
            Object v = c < r.size() ? r.get(c) : null;
            if (v == null) continue;
            if (!(v instanceof Number)) return false;
            any = true;
        }
        return any;
    }

    private static boolean isYear(String column) {
        String c = column.toLowerCase(Locale.ROOT);
        return c.equals("year") || c.endsWith("_year") || c.startsWith("year_");
    }

    private static String label(Object o) {
        return o == null ? "(none)" : o.toString();
    }

    /** The smallest of 1, 2 or 5 times a power of ten that is at least {@code v} (at least 1: counts are whole). */
    static double niceStep(double v) {
        if (v <= 1) return 1;
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) if (m * p >= v - 1e-9) return m * p;
        return 10 * p;
    }

    static String fmt(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-9) return Long.toString(Math.round(v));
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String shorten(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
