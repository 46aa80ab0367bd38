package hmip.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** HTML escaping and the page frame shared by every page. */
public final class Html {
    private Html() {}

    public static String esc(Object o) {
        if (o == null) return "";
        String s = o.toString();
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Percent-encodes one path segment or query value. */
    public static String url(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A query string from name/value pairs, skipping null values; starts with '?' unless empty. */
    public static String query(Map<String, ?> params) {
        StringBuilder sb = new StringBuilder();
        for (var e : params.entrySet()) {
            if (e.getValue() == null || e.getValue().toString().isEmpty()) continue;
            sb.append(sb.length() == 0 ? '?' : '&').append(url(e.getKey())).append('=').append(url(e.getValue().toString()));
        }
        return sb.toString();
    }

    /** A search snippet: escaped text with the searcher's [[ ]] marks turned into {@code <mark>}. */
    public static String highlight(String snippet) {
        return esc(snippet).replace("[[", "<mark>").replace("]]", "</mark>");
    }

    /** Rating word as a CSS class: "Requires improvement" becomes "rating-requires-improvement". */
    public static String ratingClass(String rating) {
        if (rating == null) return "rating-none";
        return "rating-" + rating.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "-");
    }

    public static String page(String title, String active, String body) {
        StringBuilder sb = new StringBuilder(body.length() + 2_000);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(title)).append(" · HMI Probation reports</title>")
                .append("<link rel=\"stylesheet\" href=\"/assets/app.css\">")
                .append("<script src=\"/assets/app.js\" defer></script></head><body>")
                .append("<header class=\"top\"><a class=\"brand\" href=\"/\">HMI Probation reports</a><nav>");
        String[][] nav = {{"search", "/", "Search"}, {"documents", "/documents", "Documents"},
                {"providers", "/providers", "Providers"}, {"trends", "/trends", "Trends"},
                {"compare", "/compare", "2018 vs 2021+"}};
        for (String[] n : nav) {
            sb.append("<a href=\"").append(n[1]).append('"').append(n[0].equals(active) ? " class=\"active\"" : "")
                    .append(">").append(n[2]).append("</a>");
        }
        sb.append("</nav></header><main>").append(body).append("</main><footer>Local, read-only view of the ")
                .append("warehouse and index. Reports: Crown copyright, HM Inspectorate of Probation, ")
                .append("Open Government Licence v3.0.</footer></body></html>\n");
        return sb.toString();
    }
}
