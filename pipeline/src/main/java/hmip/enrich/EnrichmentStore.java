package hmip.enrich;

import hmip.load.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Warehouse tables of the thematic search (created by schema.sql): {@code passage_themes},
 * {@code quant_facts}, the embedding cache {@code passage_vectors} and {@code rec_clusters}. Works on the
 * warehouse's connection; the caller owns it (one writer thread).
 */
public final class EnrichmentStore {
    /** A theme assigned to one passage, with the words that matched. */
    public record PassageTheme(String passageId, String docId, String kind, String provider, String region,
                               String theme, int score, String evidence, int evidenceStart, int evidenceEnd,
                               int page, int spanStart, int spanEnd) {}

    /** A quantitative fact of one passage, with its themes and where it sits. */
    public record PassageFact(String factId, String passageId, String docId, String kind, String provider,
                              String region, String year, QuantFacts.Fact fact, List<String> themes, int page,
                              int spanStart, int spanEnd) {}

    private final Connection conn;

    public EnrichmentStore(Connection conn) { this.conn = conn; }

    /**
     * Replaces one document's themes and facts, in one transaction: the caller's, when one is open
     * (ingest stores them with the document's other rows), else its own.
     */
    public void store(String docId, List<PassageTheme> themes, List<PassageFact> facts) throws SQLException {
        Transactions.join(conn, () -> write(docId, themes, facts));
    }

    private void write(String docId, List<PassageTheme> themes, List<PassageFact> facts) throws SQLException {
        {
            for (String table : List.of("passage_themes", "quant_facts")) {
                try (PreparedStatement ps = conn.prepareStatement("DELETE FROM " + table + " WHERE doc_id = ?")) {
                    ps.setString(1, docId);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO passage_themes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (PassageTheme t : themes) {
                    ps.setString(1, t.passageId());
                    ps.setString(2, t.docId());
                    ps.setString(3, t.kind());
                    ps.setString(4, t.provider());
                    ps.setString(5, t.region());
                    ps.setString(6, t.theme());
                    ps.setInt(7, t.score());
                    ps.setString(8, t.evidence());
                    ps.setInt(9, t.evidenceStart());
                    ps.setInt(10, t.evidenceEnd());
                    ps.setInt(11, t.page());
                    ps.setInt(12, t.spanStart());
                    ps.setInt(13, t.spanEnd());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO quant_facts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (PassageFact pf : facts) {
                    QuantFacts.Fact f = pf.fact();
                    int i = 1;
                    ps.setString(i++, pf.factId());
                    ps.setString(i++, pf.passageId());
                    ps.setString(i++, pf.docId());
                    ps.setString(i++, pf.kind());
                    ps.setString(i++, pf.provider());
                    ps.setString(i++, pf.region());
                    ps.setString(i++, pf.year());
                    ps.setDouble(i++, f.value());
                    ps.setString(i++, f.valueText());
                    ps.setString(i++, f.qualifier());
                    ps.setString(i++, f.unit());
                    if (f.total() == null) ps.setNull(i++, java.sql.Types.DOUBLE);
                    else ps.setDouble(i++, f.total());
                    ps.setString(i++, f.counted());
                    ps.setString(i++, f.measure());
                    ps.setString(i++, f.phrase());
                    ps.setString(i++, f.sentence());
                    ps.setString(i++, pf.themes().isEmpty() ? null : pf.themes().get(0));
                    ps.setString(i++, pf.themes().isEmpty() ? null : String.join(",", pf.themes()));
                    ps.setInt(i++, pf.page());
                    ps.setInt(i++, pf.spanStart());
                    ps.setInt(i, pf.spanEnd());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /** Cached vectors for these text hashes (missing ones are absent from the map). */
    public Map<String, float[]> vectors(Collection<String> shas, String model) throws SQLException {
        Map<String, float[]> out = new HashMap<>();
        List<String> all = new ArrayList<>(shas);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            String in = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = conn.prepareStatement("SELECT text_sha, CAST(vector AS VARCHAR) FROM passage_vectors "
                    + "WHERE model = ? AND text_sha IN (" + in + ")")) {
                ps.setString(1, model);
                for (int i = 0; i < chunk.size(); i++) ps.setString(i + 2, chunk.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.put(rs.getString(1), parseVector(rs.getString(2)));
                }
            }
        }
        return out;
    }

    /** Adds vectors to the cache (existing hashes are left as they are). */
    public void storeVectors(Map<String, float[]> bySha, String model) throws SQLException {
        if (bySha.isEmpty()) return;
        Transactions.run(conn, () -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO passage_vectors VALUES (?, ?, "
                    + "CAST(? AS FLOAT[384]), ?) ON CONFLICT DO NOTHING")) {
                LocalDateTime now = LocalDateTime.now();
                for (var e : bySha.entrySet()) {
                    ps.setString(1, e.getKey());
                    ps.setString(2, model);
                    ps.setString(3, formatVector(e.getValue()));
                    ps.setObject(4, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    public long vectorCount() throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM passage_vectors")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String formatVector(float[] v) {
        StringBuilder sb = new StringBuilder(v.length * 12).append('[');
        for (int i = 0; i < v.length; i++) {
            if (i > 0) sb.append(',');
            sb.append(v[i]);
        }
        return sb.append(']').toString();
    }

    static float[] parseVector(String s) {
        String body = s.trim();
        body = body.substring(1, body.length() - 1);
        String[] parts = body.split(",");
        float[] v = new float[parts.length];
        for (int i = 0; i < parts.length; i++) v[i] = Float.parseFloat(parts[i].trim());
        return v;
    }

    /** Recomputes {@code rec_clusters} from the {@code recommendations} table; returns the number of multi-document clusters. */
    public int rebuildRecommendationClusters() throws SQLException {
        List<RecommendationClusters.Rec> recs = new ArrayList<>();
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT rec_id, doc_id, provider, number, text FROM recommendations ORDER BY doc_id, rec_id")) {
            while (rs.next()) {
                int number = rs.getInt(4);
                recs.add(new RecommendationClusters.Rec(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.wasNull() ? null : number, rs.getString(5)));
            }
        }
        List<RecommendationClusters.Cluster> clusters = RecommendationClusters.cluster(recs);
        Transactions.run(conn, () -> writeClusters(clusters));
        return (int) clusters.stream().filter(c -> c.members().size() > 1).count();
    }

    private void writeClusters(List<RecommendationClusters.Cluster> clusters) throws SQLException {
        try (Statement st = conn.createStatement();
             PreparedStatement ps = conn.prepareStatement("INSERT INTO rec_clusters VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            st.execute("DELETE FROM rec_clusters");
            int id = 0;
            for (RecommendationClusters.Cluster c : clusters) {
                id++;
                for (int i = 0; i < c.members().size(); i++) {
                    RecommendationClusters.Rec r = c.members().get(i);
                    ps.setInt(1, id);
                    ps.setString(2, r.recId());
                    ps.setString(3, r.docId());
                    ps.setString(4, r.provider());
                    if (r.number() == null) ps.setNull(5, java.sql.Types.INTEGER);
                    else ps.setInt(5, r.number());
                    ps.setInt(6, c.members().size());
                    if (c.members().size() == 1) ps.setNull(7, java.sql.Types.DOUBLE);
                    else ps.setDouble(7, c.similarity().get(i));
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }
}
