package hmip.web;

import hmip.load.Warehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.duckdb.DuckDBConnection;

/**
 * Every query the web interface runs, over a read-only warehouse. Values from the client are always
 * bound parameters. Each call works on its own duplicate of the connection, so requests on Jetty's
 * threads never share a statement. Tables added by later stages (check findings, lineage) are looked
 * up in {@code information_schema} first, so pages degrade gracefully when they are absent.
 */
public final class WarehouseReader implements AutoCloseable {
    private final Warehouse warehouse;
    private final DuckDBConnection root;
    private final Set<String> tables;

    public WarehouseReader(Path db) throws SQLException {
        this.warehouse = Warehouse.openReadOnly(db);
        this.root = (DuckDBConnection) warehouse.connection();
        this.tables = new HashSet<>();
        for (Row r : query("SELECT lower(table_name) AS t FROM information_schema.tables")) tables.add(r.str("t"));
    }

    /** A fresh connection to the same database, for code (such as trend tables) that wants JDBC. */
    public Connection connection() throws SQLException {
        return root.duplicate();
    }

    public boolean hasTable(String name) {
        return tables.contains(name.toLowerCase(Locale.ROOT));
    }

    public Set<String> tables() { return Set.copyOf(tables); }

    public List<String> columns(String table) throws SQLException {
        List<String> cols = new ArrayList<>();
        for (Row r : query("SELECT column_name AS c FROM information_schema.columns WHERE lower(table_name) = ? "
                + "ORDER BY ordinal_position", table.toLowerCase(Locale.ROOT))) {
            cols.add(r.str("c"));
        }
        return cols;
    }

    /** Runs a parameterised query and returns its rows. */
    public List<Row> query(String sql, Object... params) throws SQLException {
        try (Connection c = root.duplicate(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<Row> rows = new ArrayList<>();
                while (rs.next()) {
                    Row row = new Row();
                    for (int i = 1; i <= md.getColumnCount(); i++) row.put(md.getColumnLabel(i), plain(rs.getObject(i)));
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    public Optional<Row> one(String sql, Object... params) throws SQLException {
        List<Row> rows = query(sql, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    static Object plain(Object v) {
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) return v;
        return v.toString();
    }

    // ---- documents ----

    public List<Row> documents() throws SQLException {
        return query("SELECT doc_id, title, " + readStatusColumns() + " doc_type, framework, region, published, pages, "
                + "status, error_code FROM documents ORDER BY coalesce(published, '') DESC, doc_id");
    }

    /**
     * The readable title and how completely the document was read (columns added with the document status;
     * an older warehouse lacks them and gives nulls).
     */
    private String readStatusColumns() throws SQLException {
        List<String> have = columns("documents");
        return (have.contains("display_title") ? "display_title" : "NULL AS display_title") + ", "
                + (have.contains("status_level") ? "status_level" : "NULL AS status_level") + ",";
    }

    /** Why a document is partial or not a report, in plain words, in order. */
    public List<String> statusReasonsOf(String docId) throws SQLException {
        if (!hasTable("status_reasons")) return List.of();
        return query("SELECT reason FROM status_reasons WHERE doc_id = ? ORDER BY ordinal", docId).stream()
                .map(r -> r.str("reason")).toList();
    }

    /** Where a fetched document came from (columns added with `hmip fetch`; absent from older warehouses). */
    private static final List<String> SOURCE_COLUMNS = List.of("source_url", "landing_url", "retrieved_at", "source_published");

    public Optional<Row> document(String docId) throws SQLException {
        List<String> have = columns("documents");
        String source = SOURCE_COLUMNS.stream().filter(have::contains).map(c -> ", " + c).collect(java.util.stream.Collectors.joining());
        return one("SELECT doc_id, path, title, " + readStatusColumns() + " doc_type, framework, region, published, pages, "
                + "ocr_pages, status, error_code, error, media_type, bytes" + source + " FROM documents WHERE doc_id = ?", docId);
    }

    /** Overall ratings a press release or landing page states, with their unit's gazetteer resolution. */
    public List<Row> statedRatingsOf(String docId) throws SQLException {
        if (!hasTable("stated_ratings")) return List.of();
        String resolution = hasResolution()
                ? "LEFT JOIN (SELECT DISTINCT ON (doc_id, printed_name) * FROM provider_resolution WHERE context = 'stated') pr "
                        + "ON pr.doc_id = s.doc_id AND pr.printed_name = s.provider "
                : "LEFT JOIN (SELECT NULL AS canonical_name, NULL AS status) pr ON false ";
        return query("SELECT s.provider, s.provider_type, s.rating, s.score_points, s.score_max, s.sentence, s.page, "
                + "pr.canonical_name AS unit, coalesce(pr.status, 'unresolved') AS resolution FROM stated_ratings s "
                + resolution + "WHERE s.doc_id = ? ORDER BY s.page, s.span_start", docId);
    }

    public List<Row> providersOf(String docId) throws SQLException {
        return query("SELECT provider, provider_type, fieldwork_started, score_points, score_max, overall_rating, page"
                + correctionColumns("providers", "published_overall_rating", "published_score_points", "published_score_max",
                "published_fieldwork_started") + " FROM providers WHERE doc_id = ? ORDER BY span_start NULLS LAST, provider", docId);
    }

    /** Ratings of one document with the standard's name in the document's framework. */
    public List<Row> ratingsOf(String docId) throws SQLException {
        return query("SELECT r.provider, r.standard, r.canonical_standard, coalesce(s.name, '') AS standard_name, "
                + "r.rating, r.page" + correctionColumns("ratings", "published_rating").replace(", ", ", r.")
                + " FROM ratings r LEFT JOIN ref_standards s ON s.framework = r.framework "
                + "AND s.code = r.standard WHERE r.doc_id = ? ORDER BY r.standard, r.provider", docId);
    }

    /** The published values and the correction note beside the values in use (absent from older warehouses). */
    private String correctionColumns(String table, String... published) throws SQLException {
        if (!columns(table).contains("correction")) return "";
        StringBuilder sb = new StringBuilder();
        for (String c : published) sb.append(", ").append(c);
        return sb.append(", correction").toString();
    }

    /** Every analyst correction as last applied (applied or unmatched, and why). */
    public List<Row> correctionsOf(String docId) throws SQLException {
        if (!hasTable("corrections")) return List.of();
        return query("SELECT field, provider, standard, published_value, corrected_value, who, why, status, detail "
                + "FROM corrections WHERE doc_id = ? ORDER BY file, line", docId);
    }

    public List<Row> keyQuestionsOf(String docId) throws SQLException {
        return query("SELECT provider, standard, code, question, percent_yes, page FROM key_questions "
                + "WHERE doc_id = ? ORDER BY standard, code NULLS LAST, page", docId);
    }

    public List<Row> recommendationsOf(String docId) throws SQLException {
        return query("SELECT rec_id, provider, addressee, addressee_level, number, text, page FROM recommendations "
                + "WHERE doc_id = ? ORDER BY " + REC_ORDER, docId);
    }

    public List<Row> findingsOf(String docId) throws SQLException {
        return query("SELECT finding_id, provider, standard, polarity, text, page FROM findings WHERE doc_id = ? "
                + "ORDER BY page NULLS LAST, finding_id", docId);
    }

    public List<Row> notesOf(String docId) throws SQLException {
        return query("SELECT note FROM extraction_notes WHERE doc_id = ?", docId);
    }

    /** Validation results for one document, when the validation stage's table exists. */
    public List<Row> checkFindingsOf(String docId) throws SQLException {
        if (!hasTable("check_findings")) return List.of();
        List<String> cols = columns("check_findings");
        if (!cols.contains("doc_id")) return List.of();
        if (cols.containsAll(List.of("check_id", "severity", "message", "explained", "page", "related_doc_id"))) {
            return query("SELECT severity, check_id, explained, provider, standard, message, doc_id, page, related_doc_id, "
                    + "scope "
                    + "FROM check_findings WHERE doc_id = ? OR related_doc_id = ? ORDER BY CASE severity WHEN 'error' "
                    + "THEN 1 WHEN 'warning' THEN 2 ELSE 3 END, explained, check_id, page NULLS LAST", docId, docId);
        }
        return query("SELECT * FROM check_findings WHERE doc_id = ?", docId);
    }

    private static final String REC_ORDER =
            "coalesce(try_cast(regexp_extract(rec_id, '#r([0-9]+)$', 1) AS INTEGER), 0), rec_id";

    // ---- providers ----

    private boolean hasResolution() {
        return hasTable("provider_resolution");
    }

    /**
     * Every provider. Where validation has resolved printed names through the gazetteer, a unit printed
     * differently in several documents ("Knowsley and St Helens", "Knowsley & St Helens PDU") is one row
     * under its canonical name.
     */
    public List<Row> providers() throws SQLException {
        if (!hasResolution()) {
            return query("SELECT p.provider, any_value(p.provider_type) AS provider_type, count(DISTINCT p.doc_id) AS "
                    + "inspections, max(d.published) AS latest, string_agg(DISTINCT d.region, ', ') AS regions, "
                    + "p.provider AS printed_names FROM providers p JOIN documents d USING (doc_id) GROUP BY p.provider "
                    + "ORDER BY p.provider");
        }
        return query("SELECT coalesce(pr.canonical_name, p.provider) AS provider, any_value(p.provider_type) AS "
                + "provider_type, count(DISTINCT p.doc_id) AS inspections, max(d.published) AS latest, "
                + "string_agg(DISTINCT d.region, ', ') AS regions, string_agg(DISTINCT p.provider, ' / ') AS printed_names "
                + "FROM providers p JOIN documents d USING (doc_id) LEFT JOIN (SELECT DISTINCT ON (doc_id, printed_name) * "
                + "FROM provider_resolution WHERE context = 'provider' AND status = 'resolved') pr "
                + "ON pr.doc_id = p.doc_id AND pr.printed_name = p.provider GROUP BY 1 ORDER BY 1");
    }

    /** The names a provider is printed under: the name itself, and every name that resolves to the same unit. */
    public List<String> printedNames(String name) throws SQLException {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        names.add(name);
        if (hasResolution()) {
            for (Row r : query("SELECT DISTINCT printed_name FROM provider_resolution WHERE status = 'resolved' "
                    + "AND canonical_name IN (SELECT ? UNION SELECT canonical_name FROM provider_resolution "
                    + "WHERE printed_name = ? AND status = 'resolved' AND canonical_name IS NOT NULL) ORDER BY 1", name, name)) {
                names.add(r.str("printed_name"));
            }
        }
        return List.copyOf(names);
    }

    private static String placeholders(List<?> values) {
        return String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
    }

    /** Every inspection that printed this provider's ratings (under any of its names), newest first. */
    public List<Row> inspectionsOf(List<String> names) throws SQLException {
        return query("SELECT p.doc_id, p.provider AS printed_name, d.title, d.doc_type, d.framework, d.region, "
                + "d.published, p.provider_type, p.fieldwork_started, p.score_points, p.score_max, p.overall_rating, "
                + "p.page FROM providers p JOIN documents d USING (doc_id) WHERE p.provider IN (" + placeholders(names)
                + ") ORDER BY coalesce(d.published, '') DESC, p.doc_id", names.toArray());
    }

    public List<Row> ratingsOfProvider(List<String> names) throws SQLException {
        return query("SELECT r.doc_id, r.framework, r.standard, coalesce(r.canonical_standard, r.standard) AS "
                + "canonical_standard, r.rating, r.page FROM ratings r WHERE r.provider IN (" + placeholders(names)
                + ") ORDER BY r.doc_id, canonical_standard", names.toArray());
    }

    public List<Row> recommendationsOfProvider(List<String> names) throws SQLException {
        Object[] params = new Object[names.size() * 2];
        for (int i = 0; i < names.size(); i++) {
            params[i] = names.get(i);
            params[names.size() + i] = names.get(i);
        }
        return query("SELECT r.rec_id, r.doc_id, r.provider, r.addressee, r.addressee_level, r.number, r.text, r.page "
                + "FROM recommendations r WHERE r.provider IN (" + placeholders(names) + ") OR r.addressee IN ("
                + placeholders(names) + ") ORDER BY r.doc_id, " + REC_ORDER, params);
    }

    /** Canonical (2021 PDU framework) standard codes and names, in order. */
    public List<Row> canonicalStandards() throws SQLException {
        return query("SELECT canonical_standard AS code, any_value(canonical_name) AS name FROM ref_standards "
                + "GROUP BY canonical_standard ORDER BY canonical_standard");
    }

    public List<Row> ratingScale() throws SQLException {
        return query("SELECT rating, points, rank FROM ref_rating_scale ORDER BY rank");
    }

    @Override
    public void close() throws SQLException {
        warehouse.close();
    }
}
