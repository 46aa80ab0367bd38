package hmip.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import hmip.model.CheckFinding;
import hmip.model.DocumentValidation;
import hmip.model.Resolution;
import hmip.model.Severity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes and reads {@code check_findings} and {@code provider_resolution}. The caller owns the transaction. */
public final class FindingStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FindingStore() {}

    /** Replaces every stored finding and resolution with a full check's result, in one transaction. */
    public static void replaceAll(Connection conn, List<DocumentValidation> documents, List<CheckFinding> cross)
            throws SQLException {
        Transactions.run(conn, () -> {
            for (DocumentValidation d : documents) writeDocument(conn, d);
            replaceCross(conn, cross);
        });
    }

    /**
     * Replaces one document's own findings and name resolutions, and drops the cross-document findings that involve
     * it (they are stale once the document changes; {@code hmip check} recomputes them).
     */
    public static void writeDocument(Connection conn, DocumentValidation v) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "DELETE FROM check_findings WHERE doc_id = ? OR (scope = ? AND related_doc_id = ?)")) {
            ps.setString(1, v.docId());
            ps.setString(2, CheckFinding.CROSS);
            ps.setString(3, v.docId());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = conn.prepareStatement("DELETE FROM provider_resolution WHERE doc_id = ?")) {
            ps.setString(1, v.docId());
            ps.executeUpdate();
        }
        insert(conn, v.findings());
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO provider_resolution VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (DocumentValidation.NameResolution n : v.resolutions()) {
                Resolution r = n.resolution();
                ps.setString(1, v.docId());
                ps.setString(2, n.context());
                ps.setString(3, r.printed());
                ps.setString(4, r.kind());
                ps.setString(5, r.canonicalName());
                ps.setString(6, r.region());
                ps.setString(7, r.npsDivision());
                ps.setString(8, r.status());
                ps.addBatch();
            }
            if (!v.resolutions().isEmpty()) ps.executeBatch();
        }
    }

    /** Replaces every cross-document finding. */
    public static void replaceCross(Connection conn, List<CheckFinding> findings) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("DELETE FROM check_findings WHERE scope = ?")) {
            ps.setString(1, CheckFinding.CROSS);
            ps.executeUpdate();
        }
        insert(conn, findings);
    }

    private static void insert(Connection conn, List<CheckFinding> findings) throws SQLException {
        if (findings.isEmpty()) return;
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO check_findings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (CheckFinding f : findings) {
                ps.setString(1, f.scope());
                ps.setString(2, f.checkId());
                ps.setString(3, f.severity().label());
                ps.setBoolean(4, f.explained());
                ps.setString(5, f.docId());
                setInt(ps, 6, f.page());
                setInt(ps, 7, f.spanStart());
                setInt(ps, 8, f.spanEnd());
                ps.setString(9, f.provider());
                ps.setString(10, f.standard());
                ps.setString(11, f.message());
                ps.setString(12, json(f.values()));
                ps.setString(13, f.relatedDocId());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Every stored finding, documents in id order, most severe first within a document. */
    public static List<CheckFinding> readAll(Connection conn) throws SQLException {
        List<CheckFinding> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT scope, check_id, severity, explained, doc_id, page, "
                + "span_start, span_end, provider, standard, message, values_json, related_doc_id FROM check_findings "
                + "ORDER BY doc_id, CASE severity WHEN 'error' THEN 1 WHEN 'warning' THEN 2 ELSE 3 END, check_id, page");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new CheckFinding(rs.getString(1), rs.getString(2), Severity.of(rs.getString(3)), rs.getBoolean(4),
                        rs.getString(5), (Integer) rs.getObject(6), (Integer) rs.getObject(7), (Integer) rs.getObject(8),
                        rs.getString(9), rs.getString(10), rs.getString(11), parse(rs.getString(12)), rs.getString(13)));
            }
        }
        return out;
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String s) {
        if (s == null) return Map.of();
        try {
            return JSON.readValue(s, LinkedHashMap.class);
        } catch (JsonProcessingException e) {
            return Map.of("raw", s);
        }
    }

    private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) ps.setNull(i, Types.INTEGER);
        else ps.setInt(i, v);
    }
}
