package hmip.validate;

import hmip.model.Extraction;
import hmip.model.KeyQuestion;
import hmip.model.Provenance;
import hmip.model.Provider;
import hmip.model.Recommendation;
import hmip.model.Score;
import hmip.model.StandardRating;
import hmip.model.StatedRating;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds each stored document's {@link DocumentInput} (extraction and page text) from the warehouse tables, so
 * {@code hmip check} can rerun the per-document checks on documents ingested by any earlier version.
 */
public final class WarehouseDocuments {
    private WarehouseDocuments() {}

    /** Ids of the documents that loaded. */
    public static List<String> ids(Connection conn) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT doc_id FROM documents WHERE status = 'ok' ORDER BY doc_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) ids.add(rs.getString(1));
        }
        return ids;
    }

    public static DocumentInput load(Connection conn, String docId) throws SQLException {
        String docType = null, title = null, published = null, region = null, framework = null;
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT doc_type, title, published, region, framework FROM documents WHERE doc_id = ?")) {
            ps.setString(1, docId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    docType = rs.getString(1);
                    title = rs.getString(2);
                    published = rs.getString(3);
                    region = rs.getString(4);
                    framework = rs.getString(5);
                }
            }
        }
        Map<String, List<StandardRating>> ratings = new LinkedHashMap<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT provider, standard, rating, page, span_start, span_end "
                + "FROM ratings WHERE doc_id = ? ORDER BY rowid")) {
            ps.setString(1, docId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ratings.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new StandardRating(rs.getString(2), rs.getString(3), prov(docId, rs, 4)));
                }
            }
        }
        List<Provider> providers = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT provider, provider_type, fieldwork_started, score_points, "
                + "score_max, overall_rating, page, span_start, span_end FROM providers WHERE doc_id = ? ORDER BY rowid")) {
            ps.setString(1, docId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Provenance p = prov(docId, rs, 7);
                    Score score = rs.getObject(4) == null ? null : new Score(rs.getInt(4), rs.getInt(5), p);
                    providers.add(new Provider(rs.getString(1), rs.getString(2), rs.getString(3), score, rs.getString(6),
                            ratings.getOrDefault(rs.getString(1), List.of()), p));
                }
            }
        }
        List<KeyQuestion> kqs = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT provider, standard, code, question, percent_yes, page, "
                + "span_start, span_end FROM key_questions WHERE doc_id = ? ORDER BY rowid")) {
            ps.setString(1, docId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    kqs.add(new KeyQuestion(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                            prov(docId, rs, 6)));
                }
            }
        }
        List<Recommendation> recs = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT provider, addressee, addressee_level, number, text, page, "
                + "span_start, span_end FROM recommendations WHERE doc_id = ? ORDER BY rowid")) {
            ps.setString(1, docId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    recs.add(new Recommendation(rs.getString(1), rs.getString(2), rs.getString(3), (Integer) rs.getObject(4),
                            rs.getString(5), prov(docId, rs, 6)));
                }
            }
        }
        List<PageText> pages = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT page, text FROM pages WHERE doc_id = ? ORDER BY page")) {
            ps.setString(1, docId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) pages.add(new PageText(rs.getInt(1), rs.getString(2)));
            }
        }
        List<StatedRating> stated = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT provider, unit, provider_type, rating, score_points, "
                + "score_max, sentence, rule, page, span_start, span_end, score_page, score_start, score_end "
                + "FROM stated_ratings WHERE doc_id = ? ORDER BY rowid")) {
            ps.setString(1, docId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Score score = rs.getObject(5) == null ? null : new Score(rs.getInt(5), rs.getInt(6), prov(docId, rs, 12));
                    stated.add(new StatedRating(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), score,
                            rs.getString(7), rs.getString(8), prov(docId, rs, 9)));
                }
            }
        }
        Extraction ex = new Extraction(docId, docType, title, null, published, region, framework, providers, kqs, recs,
                List.of(), List.of(), stated, title, List.of());
        return new DocumentInput(ex, pages);
    }

    private static Provenance prov(String docId, ResultSet rs, int col) throws SQLException {
        if (rs.getObject(col) == null) return null;
        return new Provenance(docId, rs.getInt(col), rs.getInt(col + 1), rs.getInt(col + 2), null);
    }
}
