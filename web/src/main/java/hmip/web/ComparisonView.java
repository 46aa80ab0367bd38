package hmip.web;

import hmip.reference.Reference;
import hmip.validate.Comparison;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * 2018-19 NPS division ratings beside the 2021+ ratings of the PDUs in the regions that division became,
 * standard by standard through the crosswalk (canonical standard codes). Where the warehouse has the
 * validation stage's {@code ratings_comparable} view, the table is {@link hmip.validate.Comparison}'s —
 * the same as {@code hmip compare} prints: units resolved through the gazetteer, lineage from
 * {@code ref_nps_lineage}. Otherwise (a warehouse from before validation) it is computed here from
 * {@code ratings}, with a lineage table if one exists (any table whose name holds "lineage" with a
 * division column and a region column) or a built-in fallback that is labelled as such on the page.
 */
public final class ComparisonView {
    /** 2018 NPS division to 2021 region, from the published structure (fallback only). */
    static final List<String[]> FALLBACK_LINEAGE = List.of(
            new String[] {"North West", "North West"},
            new String[] {"North West", "Greater Manchester"},
            new String[] {"North East", "North East"},
            new String[] {"North East", "Yorkshire and the Humber"},
            new String[] {"Midlands", "West Midlands"},
            new String[] {"Midlands", "East Midlands"},
            new String[] {"Wales", "Wales"},
            new String[] {"South West and South Central", "South West"},
            new String[] {"South West and South Central", "South Central"},
            new String[] {"London", "London"},
            new String[] {"South East and Eastern", "East of England"},
            new String[] {"South East and Eastern", "Kent, Surrey and Sussex"});

    private ComparisonView() {}

    public record Lineage(String source, Map<String, List<String>> regionsByDivision) {}

    public static Lineage lineage(WarehouseReader wh) throws SQLException {
        for (String table : wh.tables()) {
            if (!table.contains("lineage")) continue;
            String div = null, reg = null;
            for (String c : wh.columns(table)) {
                String lc = c.toLowerCase(Locale.ROOT);
                if (div == null && lc.contains("division")) div = c;
                else if (reg == null && lc.contains("region")) reg = c;
            }
            if (div == null || reg == null) continue;
            // identifiers come from information_schema, never from the client
            List<Row> rows = wh.query("SELECT DISTINCT " + ident(div) + " AS d, " + ident(reg) + " AS r FROM "
                    + ident(table) + " WHERE " + ident(div) + " IS NOT NULL AND " + ident(reg) + " IS NOT NULL ORDER BY 1, 2");
            if (rows.isEmpty()) continue;
            Map<String, List<String>> m = new LinkedHashMap<>();
            for (Row r : rows) m.computeIfAbsent(r.str("d"), k -> new ArrayList<>()).add(r.str("r"));
            return new Lineage("warehouse table " + table, m);
        }
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (String[] p : FALLBACK_LINEAGE) m.computeIfAbsent(p[0], k -> new ArrayList<>()).add(p[1]);
        return new Lineage("built-in fallback (the validation stage's lineage table is not loaded)", m);
    }

    private static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static volatile Reference reference;

    private static Reference reference() {
        Reference r = reference;
        if (r == null) reference = r = Reference.bundled();
        return r;
    }

    /** The whole comparison, as plain maps and lists (the JSON API returns it as is). */
    public static Map<String, Object> build(WarehouseReader wh) throws SQLException {
        if (wh.hasTable("ratings_comparable") && wh.hasTable("ref_nps_lineage") && wh.hasTable("provider_resolution")) {
            return fromValidation(wh);
        }
        return fromRatings(wh);
    }

    /** Per division, {@link hmip.validate.Comparison#build}: the table {@code hmip compare --lineage D --pdus} prints. */
    static Map<String, Object> fromValidation(WarehouseReader wh) throws SQLException {
        Reference ref = reference();
        Map<String, Integer> points = points(wh);
        Map<String, String> fullRating = new LinkedHashMap<>();
        for (String r : Comparison.RATINGS) fullRating.put(Comparison.abbreviation(r), r);
        Map<String, List<String>> lineage = new LinkedHashMap<>();
        for (Row r : wh.query("SELECT nps_division_2018 AS d, region_2021 AS r FROM ref_nps_lineage ORDER BY 1, 2")) {
            lineage.computeIfAbsent(r.str("d"), k -> new ArrayList<>()).add(r.str("r"));
        }
        List<Map<String, Object>> divisions = new ArrayList<>();
        for (Row d : wh.query("SELECT DISTINCT unit FROM ratings_comparable WHERE unit_kind = 'nps_division' "
                + "AND unit IS NOT NULL ORDER BY unit")) {
            Comparison.Table t;
            try (Connection c = wh.connection()) {
                t = Comparison.build(c, ref, d.str("unit"), null);
            } catch (IllegalArgumentException e) {
                continue; // a division the gazetteer cannot place: nothing to compare it with
            }
            String npsDoc = t.divisionDocs().isEmpty() ? null : t.divisionDocs().get(0);
            Map<String, Integer> npsPages = new LinkedHashMap<>();
            Map<String, String> npsCodes = new LinkedHashMap<>();
            String npsProvider = t.division();
            if (npsDoc != null) {
                for (Row r : wh.query("SELECT canonical_standard, standard, page, printed_provider FROM ratings_comparable "
                        + "WHERE doc_id = ? AND unit_kind = 'nps_division'", npsDoc)) {
                    npsPages.putIfAbsent(r.str("canonical_standard"), r.integer("page"));
                    npsCodes.putIfAbsent(r.str("canonical_standard"), r.str("standard"));
                    npsProvider = r.str("printed_provider");
                }
            }
            List<Map<String, Object>> pdus = new ArrayList<>();
            for (String region : t.regions()) {
                for (String unit : t.pdus().getOrDefault(region, java.util.Set.of())) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("provider", unit);
                    m.put("region", region);
                    pdus.add(m);
                }
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Comparison.Row r : t.rows()) {
                Map<String, String> byPdu = new LinkedHashMap<>();
                for (List<String> units : r.pdusByRegion().values()) {
                    for (String u : units) {
                        int eq = u.lastIndexOf('=');
                        if (eq > 0) byPdu.put(u.substring(0, eq), fullRating.getOrDefault(u.substring(eq + 1), u.substring(eq + 1)));
                    }
                }
                Map<String, Long> counts = new LinkedHashMap<>();
                double sum = 0;
                int rated = 0;
                for (Map<String, Integer> dist : r.byRegion().values()) {
                    for (var e : dist.entrySet()) {
                        counts.merge(e.getKey(), (long) e.getValue(), Long::sum);
                        Integer p = points.get(e.getKey());
                        if (p != null) {
                            sum += p * e.getValue();
                            rated += e.getValue();
                        }
                    }
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("canonical_standard", r.canonicalStandard());
                row.put("name", r.name());
                row.put("nps_standard", npsCodes.get(r.canonicalStandard()));
                row.put("nps_rating", r.divisionRating());
                row.put("nps_page", npsPages.get(r.canonicalStandard()));
                row.put("nps_points", r.divisionRating() == null ? null : points.get(r.divisionRating()));
                row.put("pdu_ratings", byPdu);
                row.put("pdu_rating_counts", counts);
                row.put("pdu_ratings_by_region", r.byRegion());
                row.put("pdu_mean_points", rated == 0 ? null : Math.round(sum / rated * 100) / 100.0);
                rows.add(row);
            }
            Map<String, Object> div = new LinkedHashMap<>();
            div.put("division", t.division());
            div.put("nps_provider", npsProvider);
            div.put("nps_doc_id", npsDoc);
            div.put("nps_published", npsDoc == null ? null
                    : wh.document(npsDoc).map(x -> x.str("published")).orElse(null));
            div.put("nps_years", t.divisionYears());
            div.put("regions", t.regions());
            div.put("pdus", pdus);
            div.put("standards", rows);
            divisions.add(div);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lineage_source", "warehouse table ref_nps_lineage, units resolved through the gazetteer "
                + "(the same table as `hmip compare --lineage DIVISION --pdus`)");
        out.put("lineage", lineage);
        out.put("rating_points", points);
        out.put("divisions", divisions);
        return out;
    }

    private static Map<String, Integer> points(WarehouseReader wh) throws SQLException {
        Map<String, Integer> points = new LinkedHashMap<>();
        for (Row r : wh.ratingScale()) if (r.integer("points") != null) points.put(r.str("rating"), r.integer("points"));
        return points;
    }

    /** Without the validation views: computed from {@code ratings} and {@code documents.region}. */
    static Map<String, Object> fromRatings(WarehouseReader wh) throws SQLException {
        Lineage lineage = lineage(wh);
        List<Row> standards = wh.canonicalStandards();
        List<Row> nps = wh.query("SELECT r.provider, r.doc_id, d.region, d.published, r.standard, "
                + "coalesce(r.canonical_standard, r.standard) AS canonical_standard, r.rating, r.page "
                + "FROM ratings r JOIN documents d USING (doc_id) WHERE coalesce(r.framework, d.framework) = 'nps_2018' "
                + "ORDER BY d.region, r.provider, canonical_standard");
        // newest rating of each PDU and standard; a PDU's own report wins over a regional letter of the same date
        List<Row> pdu = wh.query("SELECT provider, doc_id, region, published, canonical_standard, rating, page FROM ("
                + "SELECT r.provider, r.doc_id, d.region, d.published, coalesce(r.canonical_standard, r.standard) AS "
                + "canonical_standard, r.rating, r.page, row_number() OVER (PARTITION BY r.provider, "
                + "coalesce(r.canonical_standard, r.standard) ORDER BY coalesce(d.published, '') DESC, "
                + "CASE WHEN d.doc_type = 'pdu_report' THEN 0 ELSE 1 END, r.doc_id) AS n "
                + "FROM ratings r JOIN documents d USING (doc_id) WHERE coalesce(r.framework, d.framework) = 'pdu_2021') "
                + "WHERE n = 1 ORDER BY region, provider, canonical_standard");
        Map<String, Integer> points = points(wh);

        Map<String, List<Row>> npsByDivision = new LinkedHashMap<>();
        for (Row r : nps) npsByDivision.computeIfAbsent(r.str("region") == null ? r.str("provider") : r.str("region"),
                k -> new ArrayList<>()).add(r);
        List<Map<String, Object>> divisions = new ArrayList<>();
        for (var e : npsByDivision.entrySet()) {
            String division = e.getKey();
            List<String> regions = lineage.regionsByDivision().getOrDefault(division, List.of(division));
            Set<String> regionSet = new LinkedHashSet<>();
            for (String r : regions) regionSet.add(r.toLowerCase(Locale.ROOT));
            Map<String, Map<String, Object>> pdus = new LinkedHashMap<>();
            Map<String, Map<String, String>> pduRatings = new LinkedHashMap<>();
            for (Row r : pdu) {
                if (r.str("region") == null || !regionSet.contains(r.str("region").toLowerCase(Locale.ROOT))) continue;
                pdus.computeIfAbsent(r.str("provider"), k -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("provider", r.str("provider"));
                    m.put("region", r.str("region"));
                    return m;
                });
                pduRatings.computeIfAbsent(r.str("canonical_standard"), k -> new LinkedHashMap<>())
                        .put(r.str("provider"), r.str("rating"));
            }
            Row first = e.getValue().get(0);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Row s : standards) {
                String code = s.str("code");
                Row div = e.getValue().stream().filter(r -> code.equals(r.str("canonical_standard"))).findFirst().orElse(null);
                Map<String, String> byPdu = pduRatings.getOrDefault(code, Map.of());
                if (div == null && byPdu.isEmpty()) continue;
                Map<String, Long> counts = new LinkedHashMap<>();
                double sum = 0;
                int rated = 0;
                for (String rating : byPdu.values()) {
                    counts.merge(rating, 1L, Long::sum);
                    Integer p = points.get(rating);
                    if (p != null) {
                        sum += p;
                        rated++;
                    }
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("canonical_standard", code);
                row.put("name", s.str("name"));
                row.put("nps_standard", div == null ? null : div.str("standard"));
                row.put("nps_rating", div == null ? null : div.str("rating"));
                row.put("nps_page", div == null ? null : div.integer("page"));
                row.put("nps_points", div == null ? null : points.get(div.str("rating")));
                row.put("pdu_ratings", byPdu);
                row.put("pdu_rating_counts", counts);
                row.put("pdu_mean_points", rated == 0 ? null : Math.round(sum / rated * 100) / 100.0);
                rows.add(row);
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("division", division);
            d.put("nps_provider", first.str("provider"));
            d.put("nps_doc_id", first.str("doc_id"));
            d.put("nps_published", first.str("published"));
            d.put("regions", regions);
            d.put("pdus", new ArrayList<>(pdus.values()));
            d.put("standards", rows);
            divisions.add(d);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lineage_source", lineage.source());
        out.put("lineage", lineage.regionsByDivision());
        out.put("rating_points", points);
        out.put("divisions", divisions);
        return out;
    }
}
