package hmip.web;

import static hmip.web.Html.esc;
import static hmip.web.Html.url;

import hmip.trends.TrendDefinition;
import hmip.trends.TrendFilter;
import hmip.trends.TrendTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Server-side rendered pages. Every value from the data or the request goes through {@link Html#esc}. */
final class Pages {
    private Pages() {}

    static final Map<String, String> FACET_LABELS = Map.of("region", "Region", "year", "Year", "theme", "Theme",
            "addressee", "Addressee", "doc_type", "Document type", "framework", "Framework", "kind", "Kind",
            "provider", "Provider");
    /** Values listed per facet on the page (the API returns them all). */
    static final int FACET_VALUES_SHOWN = 12;

    // ------------------------------------------------------------------ search

    /** How the ranking modes are offered on the search page. */
    static final Map<String, String> MODE_LABELS = Map.of("hybrid", "Words and meaning (hybrid)",
            "lexical", "Exact words (lexical)", "semantic", "Meaning (semantic)");

    /**
     * The search page: the form, and results when the request has words or a filter.
     *
     * @param themes theme id → label, offered in the theme list
     */
    static String search(SearchBackend.Request req, SearchBackend.Result r, String problem, Map<String, String> themes) {
        Map<String, Object> filters = filterParams(req.filters());
        StringBuilder b = new StringBuilder();
        b.append("<h1>Search the reports</h1>");
        b.append("<form class=\"search\" method=\"get\" action=\"/\" role=\"search\">")
                .append("<input type=\"search\" id=\"q\" name=\"q\" aria-label=\"Search query\" maxlength=\"").append(Params.MAX_QUERY_LENGTH)
                .append("\" placeholder=\"e.g. domestic abuse, &quot;management oversight&quot;, unpaid work\" value=\"")
                .append(esc(req.query())).append("\" autofocus>");
        for (var e : filters.entrySet()) {
            if (e.getKey().equals("theme")) continue;
            b.append("<input type=\"hidden\" name=\"").append(esc(e.getKey())).append("\" value=\"")
                    .append(esc(e.getValue())).append("\">");
        }
        b.append("<select id=\"theme\" name=\"theme\" aria-label=\"Theme\"><option value=\"\">any theme</option>");
        for (var t : themes.entrySet()) {
            b.append("<option value=\"").append(esc(t.getKey())).append('"')
                    .append(t.getKey().equals(req.filters().theme()) ? " selected" : "").append('>')
                    .append(esc(t.getValue())).append("</option>");
        }
        b.append("</select>");
        String mode = req.mode() == null ? SearchBackend.DEFAULT_MODE : req.mode();
        b.append("<select id=\"mode\" name=\"mode\" aria-label=\"Ranking\">");
        for (String m : SearchBackend.MODES) {
            b.append("<option value=\"").append(m).append('"').append(m.equals(mode) ? " selected" : "").append('>')
                    .append(esc(MODE_LABELS.get(m))).append("</option>");
        }
        b.append("</select><button type=\"submit\">Search</button></form>");
        if (problem != null) {
            b.append("<p class=\"problem\" role=\"alert\">").append(esc(problem)).append("</p>");
        }
        if (!filters.isEmpty()) {
            b.append("<p class=\"active-filters\">Filters: ");
            for (var e : filters.entrySet()) {
                Map<String, Object> without = new LinkedHashMap<>(filters);
                without.remove(e.getKey());
                Object shown = e.getKey().equals("theme") ? themes.getOrDefault(String.valueOf(e.getValue()),
                        String.valueOf(e.getValue())) : e.getValue();
                b.append("<a class=\"chip\" title=\"remove this filter\" href=\"/").append(searchQuery(req, without, 1))
                        .append("\">").append(esc(FACET_LABELS.get(e.getKey()))).append(": ").append(esc(shown))
                        .append(" ✕</a> ");
            }
            b.append("</p>");
        }
        if (r == null) {
            if (problem == null) {
                b.append("<p class=\"hint\">Search paragraphs, recommendations and findings across every ingested ")
                        .append("report. Use quotes for phrases, AND / OR / NOT, and the facets to narrow by region, ")
                        .append("year, theme, addressee, document type and kind of passage. Leave the words out and ")
                        .append("pick a theme to list everything on it.</p>");
            }
            return Html.page("Search", "search", b.toString());
        }
        b.append("<div class=\"results-layout\"><aside class=\"facets\" id=\"facets\">");
        for (var facet : r.facets().entrySet()) {
            String name = facet.getKey();
            if (facet.getValue().isEmpty()) continue;
            b.append("<section class=\"facet\" data-facet=\"").append(esc(name)).append("\"><h3>")
                    .append(esc(FACET_LABELS.getOrDefault(name, name))).append("</h3><ul>");
            for (SearchBackend.FacetValue v : facet.getValue().subList(0, Math.min(FACET_VALUES_SHOWN, facet.getValue().size()))) {
                Map<String, Object> with = new LinkedHashMap<>(filters);
                boolean active = v.value().equalsIgnoreCase(String.valueOf(filters.get(name)));
                if (active) with.remove(name);
                else with.put(name, v.value());
                b.append("<li><a class=\"facet-value").append(active ? " active" : "").append("\" data-value=\"")
                        .append(esc(v.value())).append("\" href=\"/").append(searchQuery(req, with, 1))
                        .append("\">").append(esc(v.display())).append("</a> <span class=\"count\">")
                        .append(v.count()).append("</span></li>");
            }
            b.append("</ul></section>");
        }
        b.append("</aside><section class=\"results\">");
        b.append("<p class=\"summary\" id=\"summary\">").append(r.total()).append(r.total() == 1 ? " passage" : " passages");
        if (r.query() != null) b.append(" for <strong>").append(esc(r.query())).append("</strong>");
        else b.append(" matching the filters");
        b.append(" <span class=\"muted small\" id=\"mode-used\">· ").append(esc(r.mode())).append(" ranking</span></p>");
        for (String note : r.notes()) b.append("<p class=\"muted small note\">").append(esc(note)).append("</p>");
        if (r.hits().isEmpty()) b.append("<p class=\"muted\">No passages match. Try fewer words or remove a filter.</p>");
        b.append("<ol class=\"hits\" start=\"").append(r.offset() + 1).append("\">");
        for (SearchBackend.Hit h : r.hits()) {
            String docUrl = "/doc/" + url(h.docId()) + ("recommendation".equals(h.kind()) ? "#" + anchor(h.passageId()) : "");
            b.append("<li class=\"hit\" data-doc=\"").append(esc(h.docId())).append("\">")
                    .append("<a class=\"hit-title\" href=\"").append(docUrl).append("\">")
                    .append(esc(h.title() == null ? h.docId() : h.title())).append("</a>")
                    .append("<div class=\"meta\">");
            List<String> meta = new ArrayList<>();
            if (h.docType() != null) meta.add(h.docType().replace('_', ' '));
            if (h.region() != null) meta.add(h.region());
            if (h.year() != null) meta.add(h.year());
            if (h.page() > 0) meta.add("page " + h.page());
            meta.add(h.kind());
            if (h.provider() != null) meta.add(h.provider());
            if (h.addressee() != null) meta.add("to " + h.addressee());
            b.append(esc(String.join(" · ", meta))).append("</div>");
            if (!h.themes().isEmpty()) {
                b.append("<div class=\"themes small muted\">");
                List<String> labels = new ArrayList<>();
                for (String t : h.themes()) labels.add(themes.getOrDefault(t, t));
                b.append(esc(String.join(" · ", labels))).append("</div>");
            }
            b.append("<p class=\"snippet\">").append(Html.highlight(h.highlight())).append("</p>")
                    .append("<div class=\"links\"><a href=\"").append(docUrl).append("\">document</a> · ")
                    .append("<a class=\"pdf\" href=\"").append(esc(WebServer.pdfUrl(h.docId(), h.page())))
                    .append("\">source PDF").append(h.page() > 0 ? ", page " + h.page() : "").append("</a></div></li>");
        }
        b.append("</ol>");
        pagination(b, req, r, filters);
        b.append("</section></div>");
        return Html.page(r.query() != null ? "Search: " + r.query() : "Browse", "search", b.toString());
    }

    private static void pagination(StringBuilder b, SearchBackend.Request req, SearchBackend.Result r,
                                   Map<String, Object> filters) {
        int per = r.limit();
        long reachable = Math.min(r.total(), Params.MAX_OFFSET + (long) per);
        int pages = (int) Math.max(1, (reachable + per - 1) / per);
        if (pages <= 1) return;
        int current = r.offset() / per + 1;
        b.append("<nav class=\"pagination\" aria-label=\"result pages\">");
        if (current > 1) {
            b.append("<a rel=\"prev\" href=\"/").append(searchQuery(req, filters, current - 1)).append("\">‹ previous</a>");
        }
        for (int p = Math.max(1, current - 4); p <= Math.min(pages, current + 4); p++) {
            if (p == current) b.append("<span class=\"current\">").append(p).append("</span>");
            else b.append("<a href=\"/").append(searchQuery(req, filters, p)).append("\">").append(p).append("</a>");
        }
        if (current < pages) {
            b.append("<a rel=\"next\" href=\"/").append(searchQuery(req, filters, current + 1)).append("\">next ›</a>");
        }
        b.append("</nav>");
    }

    private static Map<String, Object> filterParams(SearchBackend.Filters f) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (f.region() != null) m.put("region", f.region());
        if (f.year() != null) m.put("year", f.year());
        if (f.theme() != null) m.put("theme", f.theme());
        if (f.addressee() != null) m.put("addressee", f.addressee());
        if (f.docType() != null) m.put("doc_type", f.docType());
        if (f.framework() != null) m.put("framework", f.framework());
        if (f.kind() != null) m.put("kind", f.kind());
        if (f.provider() != null) m.put("provider", f.provider());
        return m;
    }

    /** A link to the search page: the request's words and mode with these filters, on this page. */
    private static String searchQuery(SearchBackend.Request req, Map<String, Object> filters, int page) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("q", req.query());
        all.putAll(filters);
        all.put("mode", req.mode());
        if (page > 1) all.put("page", page);
        return esc(Html.query(all));
    }

    // ------------------------------------------------------------------ documents

    /** Where a fetched document came from: links to the source and landing page (http(s) only), retrieval time. */
    private static void sourceFacts(StringBuilder b, Row d) {
        if (d.str("source_url") == null) return;
        b.append("<dt>Source</dt><dd id=\"source-url\">").append(externalLink(d.str("source_url"))).append("</dd>");
        if (d.str("landing_url") != null) {
            b.append("<dt>Landing page</dt><dd id=\"landing-url\">").append(externalLink(d.str("landing_url"))).append("</dd>");
        }
        fact(b, "Retrieved", d.str("retrieved_at"));
        if (d.str("source_published") != null) fact(b, "Published (landing page)", d.str("source_published"));
    }

    /** A link to a web address from the warehouse; anything but http(s) is shown as text, never linked. */
    static String externalLink(String url) {
        if (url == null) return "";
        if (!url.matches("(?i)^https?://\\S+$")) return esc(url);
        return "<a rel=\"noopener noreferrer\" href=\"" + esc(url) + "\">" + esc(url) + "</a>";
    }

    /** Overall ratings a press release or landing page states in sentences (shown only where there are some). */
    private static void statedRatings(StringBuilder b, List<Row> stated, String id) {
        if (stated.isEmpty()) return;
        b.append("<section id=\"stated-ratings-section\"><h2>Stated ratings</h2>")
                .append("<table class=\"data\" id=\"stated-ratings\"><thead><tr><th>Unit as printed</th><th>Type</th>")
                .append("<th>Rating</th><th>Score</th><th>Unit (gazetteer)</th><th>Sentence</th><th>Page</th></tr></thead><tbody>");
        for (Row r : stated) {
            b.append("<tr><td>").append(esc(r.str("provider"))).append("</td><td>").append(esc(r.str("provider_type")))
                    .append("</td>");
            ratingCell(b, r.str("rating"), id, r.integer("page"));
            b.append("<td class=\"num\">").append(r.integer("score_points") == null ? ""
                            : r.integer("score_points") + "/" + r.integer("score_max")).append("</td><td>")
                    .append(r.str("unit") == null ? "<span class=\"muted\">" + esc(r.str("resolution")) + "</span>" : esc(r.str("unit")))
                    .append("</td><td>").append(esc(r.str("sentence"))).append("</td><td>");
            pageLink(b, id, r.integer("page"));
            b.append("</td></tr>");
        }
        b.append("</tbody></table></section>");
    }

    /** The analysts' corrections of this document: what the document prints, what is used instead, who and why. */
    private static void corrections(StringBuilder b, List<Row> corrections) {
        if (corrections.isEmpty()) return;
        b.append("<section id=\"corrections-section\"><h2>Corrections</h2><table class=\"data\" id=\"corrections\">")
                .append("<thead><tr><th>Value</th><th>Published</th><th>Corrected to</th><th>By</th><th>Why</th><th>Status</th>")
                .append("</tr></thead><tbody>");
        for (Row c : corrections) {
            String what = c.str("field") + (c.str("provider") == null ? "" : " " + c.str("provider"))
                    + (c.str("standard") == null ? "" : " " + c.str("standard"));
            b.append("<tr><td>").append(esc(what)).append("</td><td>").append(esc(c.str("published_value")))
                    .append("</td><td>").append(esc(c.str("corrected_value"))).append("</td><td>").append(esc(c.str("who")))
                    .append("</td><td>").append(esc(c.str("why"))).append("</td><td>").append(esc(c.str("status")))
                    .append(c.str("detail") == null ? "" : ": " + esc(c.str("detail"))).append("</td></tr>");
        }
        b.append("</tbody></table></section>");
    }

    /** The readable title, else the printed one, else the id. */
    private static String title(Row d) {
        if (d.str("display_title") != null) return d.str("display_title");
        return d.str("title") == null ? d.str("doc_id") : d.str("title");
    }

    /** How completely a document was read, in words. */
    static String readLabel(String level) {
        if (level == null) return "";
        return switch (level) {
            case "complete" -> "complete";
            case "partial" -> "partial: not everything could be read";
            case "not_a_report" -> "not an inspection report";
            default -> level;
        };
    }

    static String documents(List<Row> docs) {
        StringBuilder b = new StringBuilder("<h1>Documents</h1>");
        if (docs.isEmpty()) {
            b.append("<p class=\"muted\">No documents yet: run <code>./hmip ingest</code>.</p>");
            return Html.page("Documents", "documents", b.toString());
        }
        b.append("<table class=\"data\" id=\"documents\"><thead><tr><th>Document</th><th>Type</th><th>Framework</th>")
                .append("<th>Region</th><th>Published</th><th>Pages</th><th>Status</th><th>Read</th></tr></thead><tbody>");
        for (Row d : docs) {
            b.append("<tr><td><a href=\"/doc/").append(url(d.str("doc_id"))).append("\">")
                    .append(esc(title(d))).append("</a>")
                    .append("<div class=\"muted small\">").append(esc(d.str("doc_id"))).append("</div></td><td>")
                    .append(esc(d.str("doc_type"))).append("</td><td>").append(esc(d.str("framework")))
                    .append("</td><td>").append(esc(d.str("region"))).append("</td><td>").append(esc(d.str("published")))
                    .append("</td><td class=\"num\">").append(esc(d.get("pages"))).append("</td><td>")
                    .append(esc(d.str("status"))).append("</td><td class=\"read-").append(esc(d.str("status_level")))
                    .append("\">").append(esc(readLabel(d.str("status_level")))).append("</td></tr>");
        }
        b.append("</tbody></table>");
        return Html.page("Documents", "documents", b.toString());
    }

    @SuppressWarnings("unchecked")
    static String document(Map<String, Object> v) {
        Row d = (Row) v.get("document");
        String id = d.str("doc_id");
        String title = title(d);
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(esc(title)).append("</h1>");
        b.append("<dl class=\"facts\">");
        fact(b, "Document id", id);
        fact(b, "Type", d.str("doc_type"));
        fact(b, "Framework", d.str("framework"));
        fact(b, "Region", d.str("region"));
        fact(b, "Published", d.str("published"));
        fact(b, "Pages", d.str("pages"));
        fact(b, "Status", d.str("status") + (d.str("error") == null ? "" : " — " + d.str("error")));
        Map<String, Object> status = (Map<String, Object>) v.get("status");
        if (status != null && status.get("level") != null) fact(b, "Read", readLabel((String) status.get("level")));
        sourceFacts(b, d);
        b.append("</dl>");
        List<String> reasons = status == null ? List.of() : (List<String>) status.get("reasons");
        if (reasons != null && !reasons.isEmpty()) {
            b.append("<section id=\"status-section\" class=\"problem\"><h2>Why this document was not read completely</h2><ul>");
            for (String r : reasons) b.append("<li>").append(esc(r)).append("</li>");
            b.append("</ul></section>");
        }
        if (v.get("pdf_url") != null) {
            b.append("<p><a class=\"button\" id=\"open-pdf\" href=\"").append(esc(v.get("pdf_url")))
                    .append("\">Open the original document</a></p>");
        }
        b.append("<nav class=\"toc\"><a href=\"#ratings-section\">Ratings</a> · <a href=\"#key-questions-section\">Key questions</a> · ")
                .append("<a href=\"#recommendations-section\">Recommendations</a> · <a href=\"#findings-section\">Findings</a> · ")
                .append("<a href=\"#checks-section\">Check findings</a></nav>");

        // ratings
        List<Row> providers = (List<Row>) v.get("providers");
        List<Row> ratings = (List<Row>) v.get("ratings");
        b.append("<section id=\"ratings-section\"><h2>Ratings</h2>");
        if (ratings.isEmpty() && providers.isEmpty()) {
            b.append("<p class=\"muted\" id=\"no-ratings\">No ratings were extracted from this document.</p>");
        } else {
            Set<String> names = new LinkedHashSet<>();
            for (Row p : providers) names.add(p.str("provider"));
            for (Row r : ratings) names.add(r.str("provider"));
            Map<String, String> standardNames = new LinkedHashMap<>();
            Map<String, Map<String, Row>> cells = new LinkedHashMap<>();
            for (Row r : ratings) {
                standardNames.putIfAbsent(r.str("standard"), r.str("standard_name"));
                cells.computeIfAbsent(r.str("standard"), k -> new LinkedHashMap<>()).put(r.str("provider"), r);
            }
            b.append("<div class=\"scroll\"><table class=\"data ratings\" id=\"ratings\"><thead><tr><th>Standard</th>");
            for (String n : names) {
                b.append("<th><a href=\"/provider/").append(url(n)).append("\">").append(esc(n)).append("</a></th>");
            }
            b.append("</tr></thead><tbody>");
            for (var s : standardNames.entrySet()) {
                b.append("<tr><th scope=\"row\">").append(esc(s.getKey())).append(' ').append(esc(s.getValue())).append("</th>");
                for (String n : names) {
                    Row r = cells.get(s.getKey()).get(n);
                    ratingCell(b, r == null ? null : r.str("rating"), id, r == null ? null : r.integer("page"),
                            r == null ? null : r.str("correction"), r == null ? null : r.str("published_rating"));
                }
                b.append("</tr>");
            }
            if (!providers.isEmpty()) {
                Map<String, Row> byName = new LinkedHashMap<>();
                for (Row p : providers) byName.putIfAbsent(p.str("provider"), p);
                b.append("<tr class=\"score\"><th scope=\"row\">Score</th>");
                for (String n : names) {
                    Row p = byName.get(n);
                    b.append("<td class=\"num\">").append(p == null || p.integer("score_points") == null ? ""
                            : p.integer("score_points") + "/" + p.integer("score_max")).append("</td>");
                }
                b.append("</tr><tr class=\"overall\"><th scope=\"row\">Overall</th>");
                for (String n : names) {
                    Row p = byName.get(n);
                    boolean overallCorrected = p != null && p.str("correction") != null
                            && !java.util.Objects.equals(p.str("overall_rating"), p.str("published_overall_rating"));
                    ratingCell(b, p == null ? null : p.str("overall_rating"), id, null,
                            overallCorrected ? p.str("correction") : null, p == null ? null : p.str("published_overall_rating"));
                }
                b.append("</tr>");
            }
            b.append("</tbody></table></div>");
        }
        b.append("</section>");

        corrections(b, (List<Row>) v.getOrDefault("corrections", List.of()));
        statedRatings(b, (List<Row>) v.getOrDefault("stated_ratings", List.of()), id);

        // key questions
        List<Row> kqs = (List<Row>) v.get("key_questions");
        b.append("<section id=\"key-questions-section\"><h2>Key questions</h2>");
        if (kqs.isEmpty()) {
            b.append("<p class=\"muted\">No key questions were extracted from this document.</p>");
        } else {
            b.append("<table class=\"data\" id=\"key-questions\"><thead><tr><th>Standard</th><th>Code</th><th>Question</th>")
                    .append("<th>% Yes</th><th>Provider</th><th>Page</th></tr></thead><tbody>");
            for (Row k : kqs) {
                b.append("<tr><td>").append(esc(k.str("standard"))).append("</td><td>").append(esc(k.str("code")))
                        .append("</td><td>").append(esc(k.str("question"))).append("</td><td class=\"num\">")
                        .append(esc(k.get("percent_yes"))).append(percentBar(k.integer("percent_yes")))
                        .append("</td><td>").append(esc(k.str("provider")))
                        .append("</td><td>");
                pageLink(b, id, k.integer("page"));
                b.append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        b.append("</section>");

        // recommendations
        List<Row> recs = (List<Row>) v.get("recommendations");
        b.append("<section id=\"recommendations-section\"><h2>Recommendations</h2>");
        if (recs.isEmpty()) {
            b.append("<p class=\"muted\">No recommendations were extracted from this document.</p>");
        } else {
            String group = null;
            b.append("<div id=\"recommendations\">");
            for (Row r : recs) {
                String g = (r.str("provider") == null ? "" : r.str("provider") + ": ")
                        + (r.str("addressee") == null ? "" : r.str("addressee") + " should");
                if (!g.equals(group)) {
                    if (group != null) b.append("</ol>");
                    b.append("<h3>").append(esc(g)).append("</h3><ol class=\"recs\">");
                    group = g;
                }
                b.append("<li id=\"").append(esc(anchor(r.str("rec_id")))).append("\"")
                        .append(r.integer("number") == null ? "" : " value=\"" + r.integer("number") + "\"").append(">")
                        .append(esc(r.str("text")));
                if (r.str("addressee_level") != null) {
                    b.append(" <span class=\"tag\">").append(esc(r.str("addressee_level"))).append("</span>");
                }
                b.append(' ');
                pageLink(b, id, r.integer("page"));
                b.append("</li>");
            }
            b.append("</ol></div>");
        }
        b.append("</section>");

        // findings
        List<Row> findings = (List<Row>) v.get("findings");
        b.append("<section id=\"findings-section\"><h2>Strengths and areas for improvement</h2>");
        if (findings.isEmpty()) {
            b.append("<p class=\"muted\">No findings were extracted from this document.</p>");
        } else {
            b.append("<table class=\"data\" id=\"findings\"><thead><tr><th></th><th>Standard</th><th>Finding</th>")
                    .append("<th>Page</th></tr></thead><tbody>");
            for (Row f : findings) {
                b.append("<tr><td><span class=\"tag ").append(esc(f.str("polarity"))).append("\">")
                        .append(esc(f.str("polarity"))).append("</span></td><td>").append(esc(f.str("standard")))
                        .append("</td><td>").append(esc(f.str("text"))).append("</td><td>");
                pageLink(b, id, f.integer("page"));
                b.append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        b.append("</section>");

        // check findings
        List<Row> checks = (List<Row>) v.get("check_findings");
        b.append("<section id=\"checks-section\"><h2>Check findings</h2>");
        if (!(Boolean) v.get("check_findings_available")) {
            b.append("<p class=\"muted\">Validation checks have not been loaded into this warehouse.</p>");
        } else if (checks.isEmpty()) {
            b.append("<p class=\"muted\">The checks found nothing to report for this document.</p>");
        } else if (checks.get(0).containsKey("check_id")) {
            b.append("<table class=\"data\" id=\"checks\"><thead><tr><th>Severity</th><th>Check</th><th>Provider</th>")
                    .append("<th>Standard</th><th>Finding</th><th>Page</th></tr></thead><tbody>");
            for (Row c : checks) {
                boolean explained = Boolean.TRUE.equals(c.get("explained"));
                b.append("<tr class=\"severity-").append(esc(c.str("severity"))).append("\"><td><span class=\"tag sev-")
                        .append(esc(c.str("severity"))).append("\">").append(esc(c.str("severity"))).append("</span>")
                        .append(explained ? " <span class=\"tag\">explained</span>" : "").append("</td><td><code>")
                        .append(esc(c.str("check_id"))).append("</code></td><td>").append(esc(c.str("provider")))
                        .append("</td><td>").append(esc(c.str("standard"))).append("</td><td>").append(esc(c.str("message")));
                String other = id.equals(c.str("doc_id")) ? c.str("related_doc_id") : c.str("doc_id");
                if (other != null && !other.equals(id)) {
                    b.append(" <a class=\"small\" href=\"/doc/").append(url(other)).append("\">other document</a>");
                }
                b.append("</td><td>");
                pageLink(b, c.str("doc_id") == null ? id : c.str("doc_id"), c.integer("page"));
                b.append("</td></tr>");
            }
            b.append("</tbody></table>");
        } else {
            genericTable(b, "checks", checks);
        }
        List<String> notes = (List<String>) v.get("notes");
        if (!notes.isEmpty()) {
            b.append("<h3>Extraction notes</h3><ul class=\"notes\">");
            for (String n : notes) b.append("<li>").append(esc(n)).append("</li>");
            b.append("</ul>");
        }
        b.append("</section>");
        return Html.page(title, "documents", b.toString());
    }

    /** A small inline bar for a percentage, coloured by the band it falls in (80+, 65-79, 50-64, under 50). */
    static String percentBar(Integer pct) {
        if (pct == null) return "";
        int p = Math.max(0, Math.min(100, pct));
        String colour = p >= 80 ? "#00703c" : p >= 65 ? "#85994b" : p >= 50 ? "#f47738" : "#d4351c";
        return " <svg class=\"pct\" width=\"60\" height=\"9\" aria-hidden=\"true\"><rect width=\"60\" height=\"9\" "
                + "fill=\"#eee\"/><rect width=\"" + (p * 60 / 100) + "\" height=\"9\" fill=\"" + colour + "\"/></svg>";
    }

    private static String anchor(String recId) {
        return recId == null ? "" : "rec-" + recId.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    private static void fact(StringBuilder b, String k, String v) {
        if (v == null || v.equals("null")) return;
        b.append("<dt>").append(esc(k)).append("</dt><dd>").append(esc(v)).append("</dd>");
    }

    private static void ratingCell(StringBuilder b, String rating, String docId, Integer page) {
        ratingCell(b, rating, docId, page, null, null);
    }

    /** A rating; a corrected one says so, with the value the document prints and the correction's reason. */
    private static void ratingCell(StringBuilder b, String rating, String docId, Integer page, String correction,
                                   String published) {
        b.append("<td class=\"rating ").append(Html.ratingClass(rating)).append(correction == null ? "" : " corrected").append("\">");
        if (rating != null) {
            if (page != null && page > 0) {
                b.append("<a href=\"").append(esc(WebServer.pdfUrl(docId, page))).append("\" title=\"page ").append(page)
                        .append(" of the source\">").append(esc(rating)).append("</a>");
            } else {
                b.append(esc(rating));
            }
        }
        if (correction != null) {
            b.append("<div class=\"correction small\" title=\"").append(esc(correction)).append("\">")
                    .append("corrected; published: ").append(esc(published)).append("</div>");
        }
        b.append("</td>");
    }

    private static void pageLink(StringBuilder b, String docId, Integer page) {
        if (page == null || page <= 0) return;
        b.append("<a class=\"page-link\" href=\"").append(esc(WebServer.pdfUrl(docId, page))).append("\">p.")
                .append(page).append("</a>");
    }

    private static void genericTable(StringBuilder b, String id, List<Row> rows) {
        b.append("<table class=\"data\" id=\"").append(esc(id)).append("\"><thead><tr>");
        for (String c : rows.get(0).keySet()) b.append("<th>").append(esc(c)).append("</th>");
        b.append("</tr></thead><tbody>");
        for (Row r : rows) {
            b.append("<tr>");
            for (Object o : r.values()) b.append("<td>").append(esc(o)).append("</td>");
            b.append("</tr>");
        }
        b.append("</tbody></table>");
    }

    // ------------------------------------------------------------------ providers

    static String providers(List<Row> rows) {
        StringBuilder b = new StringBuilder("<h1>Providers</h1>");
        if (rows.isEmpty()) {
            b.append("<p class=\"muted\">No provider ratings have been extracted yet.</p>");
            return Html.page("Providers", "providers", b.toString());
        }
        b.append("<table class=\"data\" id=\"providers\"><thead><tr><th>Provider</th><th>Printed as</th><th>Type</th><th>Region</th>")
                .append("<th>Inspections</th><th>Latest</th></tr></thead><tbody>");
        for (Row r : rows) {
            b.append("<tr><td><a href=\"/provider/").append(url(r.str("provider"))).append("\">")
                    .append(esc(r.str("provider"))).append("</a></td><td class=\"small\">").append(esc(r.str("printed_names")))
                    .append("</td><td>").append(esc(r.str("provider_type")))
                    .append("</td><td>").append(esc(r.str("regions"))).append("</td><td class=\"num\">")
                    .append(esc(r.get("inspections"))).append("</td><td>").append(esc(r.str("latest"))).append("</td></tr>");
        }
        b.append("</tbody></table>");
        return Html.page("Providers", "providers", b.toString());
    }

    @SuppressWarnings("unchecked")
    static String provider(Map<String, Object> v) {
        String name = (String) v.get("provider");
        List<Row> standards = (List<Row>) v.get("standards");
        List<Map<String, Object>> inspections = (List<Map<String, Object>>) v.get("inspections");
        Set<String> used = new LinkedHashSet<>();
        for (var i : inspections) used.addAll(((Map<String, String>) i.get("ratings")).keySet());
        StringBuilder b = new StringBuilder("<h1>").append(esc(name)).append("</h1>");
        List<String> printed = (List<String>) v.get("printed_names");
        if (printed.size() > 1) {
            b.append("<p class=\"muted small\" id=\"printed-names\">Printed as: ").append(esc(String.join(" · ", printed)))
                    .append("</p>");
        }
        b.append("<h2>Ratings across inspections</h2><p class=\"muted\">Standards are shown on the 2021 PDU framework ")
                .append("(2018 codes mapped through the crosswalk).</p>");
        b.append("<div class=\"scroll\"><table class=\"data ratings\" id=\"provider-ratings\"><thead><tr><th>Inspection</th>")
                .append("<th>Published</th><th>Score</th><th>Overall</th>");
        List<Row> cols = standards.stream().filter(s -> used.contains(s.str("code"))).toList();
        for (Row s : cols) {
            b.append("<th title=\"").append(esc(s.str("name"))).append("\">").append(esc(s.str("code")))
                    .append("<div class=\"small\">").append(esc(s.str("name"))).append("</div></th>");
        }
        b.append("</tr></thead><tbody>");
        for (var i : inspections) {
            String doc = (String) i.get("doc_id");
            Object title = i.get("title") == null ? doc : i.get("title");
            b.append("<tr><td><a href=\"/doc/").append(url(doc)).append("\">").append(esc(title)).append("</a>")
                    .append("<div class=\"small muted\">").append(esc(i.get("doc_type"))).append(" · as ")
                    .append(esc(i.get("printed_name"))).append("</div></td><td>")
                    .append(esc(i.get("published"))).append("</td><td class=\"num\">")
                    .append(i.get("score_points") == null ? "" : esc(i.get("score_points") + "/" + i.get("score_max")))
                    .append("</td>");
            ratingCell(b, (String) i.get("overall_rating"), doc, null);
            Map<String, String> ratings = (Map<String, String>) i.get("ratings");
            for (Row s : cols) ratingCell(b, ratings.get(s.str("code")), doc, null);
            b.append("</tr>");
        }
        b.append("</tbody></table></div>");
        List<Row> recs = (List<Row>) v.get("recommendations");
        b.append("<h2>Recommendations</h2>");
        if (recs.isEmpty()) {
            b.append("<p class=\"muted\">None extracted.</p>");
        } else {
            b.append("<table class=\"data\" id=\"provider-recommendations\"><thead><tr><th>Document</th><th>No.</th>")
                    .append("<th>Addressee</th><th>Recommendation</th><th>Page</th></tr></thead><tbody>");
            for (Row r : recs) {
                b.append("<tr><td><a href=\"/doc/").append(url(r.str("doc_id"))).append("#")
                        .append(esc(anchor(r.str("rec_id")))).append("\">").append(esc(r.str("doc_id")))
                        .append("</a></td><td class=\"num\">").append(esc(r.get("number"))).append("</td><td>")
                        .append(esc(r.str("addressee"))).append("</td><td>").append(esc(r.str("text"))).append("</td><td>");
                pageLink(b, r.str("doc_id"), r.integer("page"));
                b.append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        return Html.page(name, "providers", b.toString());
    }

    // ------------------------------------------------------------------ trends

    record TrendView(TrendDefinition definition, TrendTable table, String problem) {}

    static final int TREND_ROWS_SHOWN = 100;

    static String trends(TrendFilter f, List<TrendView> views, String queryString) {
        StringBuilder b = new StringBuilder("<h1>Trends</h1>");
        b.append("<form class=\"filters\" method=\"get\" action=\"/trends\">")
                .append("<label>Region <input type=\"text\" name=\"region\" value=\"").append(esc(f.region())).append("\"></label>")
                .append("<label>From year <input type=\"number\" name=\"from\" min=\"1900\" max=\"2100\" value=\"")
                .append(esc(f.fromYear())).append("\"></label>")
                .append("<label>To year <input type=\"number\" name=\"to\" min=\"1900\" max=\"2100\" value=\"")
                .append(esc(f.toYear())).append("\"></label>")
                .append("<label>Standard <input type=\"text\" name=\"standard\" size=\"5\" value=\"")
                .append(esc(f.standard())).append("\"></label><button type=\"submit\">Apply</button></form>");
        if (views.isEmpty()) {
            b.append("<p class=\"muted\">No trend tables are defined in this build.</p>");
        }
        String qs = queryString == null || queryString.isBlank() ? "" : "?" + queryString;
        for (TrendView v : views) {
            TrendDefinition d = v.definition();
            b.append("<section class=\"trend\" id=\"trend-").append(esc(d.name())).append("\"><h2>")
                    .append(esc(d.title())).append("</h2><p>").append(esc(d.description())).append("</p>");
            if (v.problem() != null) {
                b.append("<p class=\"muted\">").append(esc(v.problem())).append("</p></section>");
                continue;
            }
            TrendTable t = v.table();
            for (String note : t.notes()) b.append("<p class=\"muted small note\">").append(esc(note)).append("</p>");
            b.append("<p><a class=\"button csv\" download=\"").append(esc(d.name())).append(".csv\" href=\"/api/trends/")
                    .append(url(d.name())).append(".csv").append(esc(qs)).append("\">Download CSV</a> ")
                    .append("<a class=\"small\" href=\"/api/trends/").append(url(d.name())).append(esc(qs))
                    .append("\">JSON</a></p>");
            if (t.rows().isEmpty()) {
                b.append("<p class=\"muted\">No rows for these filters.</p></section>");
                continue;
            }
            String svg = Charts.bars(d.title(), Charts.specFor(d.name(), t.columns(), t.rows()), t.columns(), t.rows());
            if (svg != null) b.append("<figure class=\"chart\">").append(svg).append("</figure>");
            b.append("<details><summary>Table (").append(t.rows().size()).append(" rows)</summary><div class=\"scroll\">")
                    .append("<table class=\"data\"><thead><tr>");
            for (String c : t.columns()) b.append("<th>").append(esc(c)).append("</th>");
            b.append("</tr></thead><tbody>");
            for (List<Object> r : t.rows().subList(0, Math.min(TREND_ROWS_SHOWN, t.rows().size()))) {
                b.append("<tr>");
                for (Object o : r) b.append(o instanceof Number ? "<td class=\"num\">" : "<td>").append(esc(o)).append("</td>");
                b.append("</tr>");
            }
            b.append("</tbody></table></div>");
            if (t.rows().size() > TREND_ROWS_SHOWN) {
                b.append("<p class=\"muted\">First ").append(TREND_ROWS_SHOWN).append(" rows shown; the CSV has all ")
                        .append(t.rows().size()).append(".</p>");
            }
            b.append("</details></section>");
        }
        return Html.page("Trends", "trends", b.toString());
    }

    // ------------------------------------------------------------------ comparison

    @SuppressWarnings("unchecked")
    static String compare(Map<String, Object> c) {
        StringBuilder b = new StringBuilder("<h1>2018-19 NPS divisions vs 2021+ PDUs</h1>");
        b.append("<p>Each 2018 NPS division's rating beside the latest rating of every PDU in the regions it became, ")
                .append("standard by standard through the crosswalk (2018 codes shown on the 2021 framework). Points: ");
        Map<String, Integer> pts = (Map<String, Integer>) c.get("rating_points");
        List<String> p = new ArrayList<>();
        pts.forEach((k, v) -> p.add(k + " " + v));
        b.append(esc(String.join(", ", p))).append(".</p>");
        b.append("<p class=\"muted small\" id=\"lineage-source\">Geography lineage: ").append(esc(c.get("lineage_source")))
                .append("</p>");
        List<Map<String, Object>> divisions = (List<Map<String, Object>>) c.get("divisions");
        if (divisions.isEmpty()) {
            b.append("<p class=\"muted\">No 2018 NPS division ratings are in the warehouse.</p>");
        }
        for (var d : divisions) {
            List<Map<String, Object>> pdus = (List<Map<String, Object>>) d.get("pdus");
            b.append("<section class=\"division\"><h2>").append(esc(d.get("nps_provider"))).append(" (")
                    .append(esc(d.get("division"))).append(") → ")
                    .append(esc(String.join(", ", (List<String>) d.get("regions")))).append("</h2>")
                    .append("<p class=\"small\"><a href=\"/doc/").append(url((String) d.get("nps_doc_id")))
                    .append("\">2018 report</a>").append(d.get("nps_published") == null ? "" : " · " + esc(d.get("nps_published")))
                    .append(" · ").append(pdus.size()).append(" PDUs with 2021+ ratings</p>");
            b.append("<div class=\"scroll\"><table class=\"data ratings compare\"><thead><tr><th>Standard</th>")
                    .append("<th>2018 NPS</th><th>PDU mean points</th>");
            for (var u : pdus) {
                b.append("<th><a href=\"/provider/").append(url((String) u.get("provider"))).append("\">")
                        .append(esc(u.get("provider"))).append("</a><div class=\"small muted\">").append(esc(u.get("region")))
                        .append("</div></th>");
            }
            b.append("</tr></thead><tbody>");
            for (var s : (List<Map<String, Object>>) d.get("standards")) {
                b.append("<tr><th scope=\"row\">").append(esc(s.get("canonical_standard"))).append(' ')
                        .append(esc(s.get("name")));
                if (s.get("nps_standard") != null && !s.get("nps_standard").equals(s.get("canonical_standard"))) {
                    b.append("<div class=\"small muted\">2018 code ").append(esc(s.get("nps_standard"))).append("</div>");
                }
                b.append("</th>");
                ratingCell(b, (String) s.get("nps_rating"), (String) d.get("nps_doc_id"), (Integer) s.get("nps_page"));
                b.append("<td class=\"num\">").append(s.get("pdu_mean_points") == null ? "" : esc(s.get("pdu_mean_points")))
                        .append(s.get("nps_points") == null ? "" : " <span class=\"muted small\">(NPS " + s.get("nps_points") + ")</span>")
                        .append("</td>");
                Map<String, String> byPdu = (Map<String, String>) s.get("pdu_ratings");
                for (var u : pdus) ratingCell(b, byPdu.get((String) u.get("provider")), null, null);
                b.append("</tr>");
            }
            b.append("</tbody></table></div></section>");
        }
        return Html.page("2018 vs 2021+", "compare", b.toString());
    }

    // ------------------------------------------------------------------ errors

    static String error(int status, String message) {
        String title = switch (status) {
            case 400 -> "Bad request";
            case 404 -> "Not found";
            case 403 -> "Forbidden";
            case 405 -> "Method not allowed";
            default -> status >= 500 ? "Server error" : "Error";
        };
        return Html.page(title, "", "<h1>" + status + " " + esc(title) + "</h1><p class=\"problem\" role=\"alert\">"
                + esc(message) + "</p><p><a href=\"/\">Back to search</a></p>");
    }
}
