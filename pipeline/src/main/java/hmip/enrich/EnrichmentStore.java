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
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

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
     * Replaces one document's themes and facts, in one transaction: the caller's, when one is open, else
     * its own.
     */
    public void store(String docId, List<PassageTheme> themes, List<PassageFact> facts) throws SQLException {
        Transactions.join(conn, () -> {
            for (String table : List.of("passage_themes", "quant_facts")) {
                try (PreparedStatement ps = conn.prepareStatement("DELETE FROM " + table + " WHERE doc_id = ?")) {
                    ps.setString(1, docId);
                    ps.executeUpdate();
                }
            }
            append(themes, facts);
        });
    }

    /**
     * Appends a document's themes and facts without deleting earlier rows: for ingest, whose document
     * transaction has already deleted them (DELETE scans the whole table; ingest would grow quadratically).
     */
    public void append(List<PassageTheme> themes, List<PassageFact> facts) throws SQLException {
        DuckDBConnection duck = conn.unwrap(DuckDBConnection.class);
        try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "passage_themes")) {
            for (PassageTheme t : themes) {
                a.beginRow().append(t.passageId()).append(t.docId()).append(t.kind()).append(t.provider())
                        .append(t.region()).append(t.theme()).append(t.score()).append(t.evidence())
                        .append(t.evidenceStart()).append(t.evidenceEnd()).append(t.page()).append(t.spanStart())
                        .append(t.spanEnd()).endRow();
            }
        }
        try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "quant_facts")) {
            for (PassageFact pf : facts) {
                QuantFacts.Fact f = pf.fact();
                a.beginRow().append(pf.factId()).append(pf.passageId()).append(pf.docId()).append(pf.kind())
                        .append(pf.provider()).append(pf.region()).append(pf.year()).append(f.value())
                        .append(f.valueText()).append(f.qualifier()).append(f.unit());
                if (f.total() == null) a.appendNull();
                else a.append(f.total().doubleValue());
                a.append(f.counted()).append(f.measure()).append(f.phrase()).append(f.sentence())
                        .append(pf.themes().isEmpty() ? null : pf.themes().get(0))
                        .append(pf.themes().isEmpty() ? null : String.join(",", pf.themes()))
                        .append(pf.page()).append(pf.spanStart()).append(pf.spanEnd()).endRow();
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

    /**
     * Whether {@code rec_clusters} covers exactly the recommendations in the warehouse: false after a run
     * that stored documents but stopped before {@link #rebuildRecommendationClusters}.
     */
    public boolean recommendationClustersCurrent() throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM recommendations r ANTI JOIN rec_clusters c "
                     + "USING (rec_id)) + (SELECT count(*) FROM rec_clusters c ANTI JOIN recommendations r USING (rec_id))")) {
            return rs.next() && rs.getLong(1) == 0;
        }
    }

    private void writeClusters(List<RecommendationClusters.Cluster> clusters) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("DELETE FROM rec_clusters");
        }
        try (DuckDBAppender a = conn.unwrap(DuckDBConnection.class)
                .createAppender(DuckDBConnection.DEFAULT_SCHEMA, "rec_clusters")) {
            int id = 0;
            for (RecommendationClusters.Cluster c : clusters) {
                id++;
                for (int i = 0; i < c.members().size(); i++) {
                    RecommendationClusters.Rec r = c.members().get(i);
                    a.beginRow().append(id).append(r.recId()).append(r.docId()).append(r.provider());
                    if (r.number() == null) a.appendNull();
                    else a.append(r.number().intValue());
                    a.append(c.members().size());
                    if (c.members().size() == 1) a.appendNull();
                    else a.append(c.similarity().get(i).doubleValue());
                    a.endRow();
                }
            }
        }
    }
}
