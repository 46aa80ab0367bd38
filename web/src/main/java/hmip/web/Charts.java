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
            "#912b88", "#85994b", "#28a197", "#6f72af", "#505a5f"};
    /** Ratings keep their meaning's colour in every chart (the same hues as the ratings tables). */
    static final Map<String, String> RATING_COLOURS = Map.of("outstanding", "#00703c", "good", "#85994b",
            "requires improvement", "#f47738", "inadequate", "#d4351c", "not rated", "#b1b4b6");
    private static final int MAX_CATEGORIES = 40;
    private static final int MAX_SERIES = COLOURS.length;

    private Charts() {}

    /** What to draw: category, series (null for none) and value column, and how rows combine. */
    public record Spec(String category, String series, String value, String aggregate) {
        static final java.util.List<String> AGGREGATES = java.util.List.of("sum", "min", "max", "mean");
    }

    private static final Map<String, Spec> SPECS = loadSpecs();

    private static Map<String, Spec> loadSpecs() {
        java.util.Properties p = new java.util.Properties();
        try (java.io.InputStream in = Charts.class.getResourceAsStream("/hmip/web/trend-charts.properties")) {
            if (in != null) p.load(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, Spec> m = new LinkedHashMap<>();
        for (String name : p.stringPropertyNames()) {
            String[] f = p.getProperty(name).split(",", -1);
            if (f.length != 4) throw new IllegalStateException("trend-charts.properties: " + name + " needs 4 fields");
            String series = f[1].strip();
            m.put(name, new Spec(f[0].strip(), series.isEmpty() ? null : series, f[2].strip(), f[3].strip()));
        }
        return m;
    }

    /** The chart spec for a named trend table: from trend-charts.properties, else derived from its columns. */
    public static Spec specFor(String table, List<String> columns, List<List<Object>> rows) {
        Spec s = SPECS.get(table);
        if (s != null && columns.contains(s.category()) && columns.contains(s.value())
                && (s.series() == null || columns.contains(s.series()))) {
            return s;
        }
        int measure = -1, label = -1;
        for (int c = 0; c < columns.size(); c++) {
            if (isNumeric(rows, c) && !isYear(columns.get(c))) {
                if (measure < 0) measure = c;
            } else if (label < 0) {
                label = c;
            }
        }
        return measure < 0 || label < 0 ? null : new Spec(columns.get(label), null, columns.get(measure), "sum");
    }

    /** Grouped bars for a table as its spec says, or null when there is nothing to draw. */
    public static String bars(String title, Spec spec, List<String> columns, List<List<Object>> rows) {
        if (spec == null || rows.isEmpty()) return null;
        int cat = columns.indexOf(spec.category()), measure = columns.indexOf(spec.value());
        Integer ser = spec.series() == null ? null : columns.indexOf(spec.series());
        if (cat < 0 || measure < 0 || (ser != null && ser < 0)) return null;
        Map<String, Map<String, double[]>> acc = new LinkedHashMap<>(); // category -> series -> {sum, n, min, max}
        LinkedHashSet<String> series = new LinkedHashSet<>();
        for (List<Object> r : rows) {
            if (!(r.get(measure) instanceof Number n)) continue;
            String c = label(r.get(cat));
            String s = ser == null ? spec.value() : label(r.get(ser));
            if (!acc.containsKey(c) && acc.size() >= MAX_CATEGORIES) continue;
            if (!series.contains(s) && series.size() >= MAX_SERIES) continue;
            series.add(s);
            double v = n.doubleValue();
            double[] a = acc.computeIfAbsent(c, k -> new LinkedHashMap<>())
                    .computeIfAbsent(s, k -> new double[] {0, 0, Double.MAX_VALUE, -Double.MAX_VALUE});
            a[0] += v;
            a[1]++;
            a[2] = Math.min(a[2], v);
            a[3] = Math.max(a[3], v);
        }
        if (acc.isEmpty()) return null;
        Map<String, Map<String, Double>> values = new LinkedHashMap<>();
        for (var e : acc.entrySet()) {
            Map<String, Double> m = new LinkedHashMap<>();
            for (var se : e.getValue().entrySet()) {
                double[] a = se.getValue();
                m.put(se.getKey(), switch (spec.aggregate()) {
                    case "min" -> a[2];
                    case "max" -> a[3];
                    case "mean" -> a[0] / a[1];
                    default -> a[0];
                });
            }
            values.put(e.getKey(), m);
        }
        String measureLabel = switch (spec.aggregate()) {
            case "min" -> "lowest " + spec.value();
            case "max" -> "highest " + spec.value();
            case "mean" -> "mean " + spec.value();
            default -> spec.value() + " (total)";
        };
        return draw(title, measureLabel, spec.category(), ser != null, values, series);
    }

    /** The chart for a table without a spec: first label column against the total of the first numeric one. */
    public static String bars(String title, List<String> columns, List<List<Object>> rows) {
        return bars(title, specFor("", columns, rows), columns, rows);
    }

    private static String draw(String title, String measureLabel, String categoryLabel, boolean legend,
                               Map<String, Map<String, Double>> values, LinkedHashSet<String> series) {
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
                .append(esc(measureLabel + " by " + categoryLabel)).append("</text>");
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
                        .append("\" fill=\"").append(colour(seriesList.get(si), si)).append("\"><title>")
                        .append(esc(e.getKey() + (legend ? " · " + seriesList.get(si) : "") + ": " + fmt(v)))
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
        if (legend || seriesList.size() > 1) {
            int ly = top + plotH + bottom;
            for (int si = 0; si < seriesList.size(); si++) {
                int lx = left + (si % legendCols) * 170, yy = ly + (si / legendCols) * 22;
                sb.append("<rect x=\"").append(lx).append("\" y=\"").append(yy - 10)
                        .append("\" width=\"12\" height=\"12\" fill=\"").append(colour(seriesList.get(si), si))
                        .append("\"/><text x=\"").append(lx + 16).append("\" y=\"").append(yy)
                        .append("\" font-size=\"11\">").append(esc(shorten(seriesList.get(si), 24))).append("</text>");
            }
        }
        return sb.append("</svg>").toString();
    }

    private static String colour(String series, int index) {
        String c = RATING_COLOURS.get(series.strip().toLowerCase(Locale.ROOT));
        return c != null ? c : COLOURS[index % COLOURS.length];
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
