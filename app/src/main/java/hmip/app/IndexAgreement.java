package hmip.app;

import hmip.load.Warehouse;
import hmip.search.IndexedDocuments;
import hmip.search.PassageIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether the warehouse and the index tell the same story: every document the warehouse calls ok and
 * indexed (with at least one passage) has passages in the index, and the index holds passages of no
 * other document. {@code stats} prints it; {@code ingest} {@linkplain #repair repairs} it before it
 * starts, so a run killed at any moment is made whole by the next.
 */
record IndexAgreement(Set<String> warehouseIndexed, Set<String> indexDocIds, Set<String> onlyInWarehouse,
                      Set<String> onlyInIndex, int pending) {

    boolean agree() { return onlyInWarehouse.isEmpty() && onlyInIndex.isEmpty(); }

    static IndexAgreement check(Warehouse wh, Path indexDir) throws SQLException, IOException {
        Set<String> indexed = ids(wh, "SELECT doc_id FROM documents WHERE status = 'ok' AND indexed "
                + "AND coalesce(passages, 1) > 0");
        Set<String> inIndex = IndexedDocuments.of(indexDir);
        Set<String> pendingIds = ids(wh, "SELECT doc_id FROM documents WHERE NOT indexed");
        Set<String> onlyWh = new TreeSet<>(indexed);
        onlyWh.removeAll(inIndex);
        Set<String> onlyIdx = new TreeSet<>(inIndex);
        onlyIdx.removeAll(indexed);
        onlyIdx.removeAll(pendingIds); // committed to the index, flag not yet set: the next ingest finishes it
        return new IndexAgreement(indexed, inIndex, onlyWh, onlyIdx, pendingIds.size());
    }

    /**
     * Brings the two back together after a crash: passages of documents the warehouse does not hold as
     * ok are deleted from the index; documents flagged indexed but missing from it are unflagged, so the
     * next ingest of their files redoes them; failed documents whose passage deletion is now committed
     * are flagged. Documents ok but not yet flagged are redone when their files are seen.
     */
    static void repair(Warehouse wh, PassageIndex index, Path indexDir) throws SQLException, IOException {
        Set<String> inIndex = IndexedDocuments.of(indexDir);
        Set<String> ok = ids(wh, "SELECT doc_id FROM documents WHERE status = 'ok'");
        boolean changed = false;
        for (String id : inIndex) {
            if (!ok.contains(id)) {
                index.deleteDocument(id);
                changed = true;
            }
        }
        if (changed) index.commit();
        try (Statement st = wh.connection().createStatement()) {
            st.executeUpdate("UPDATE documents SET indexed = true WHERE status = 'failed' AND NOT indexed");
        }
        Set<String> flagged = ids(wh, "SELECT doc_id FROM documents WHERE status = 'ok' AND indexed "
                + "AND coalesce(passages, 1) > 0");
        try (PreparedStatement ps = wh.connection().prepareStatement(
                "UPDATE documents SET indexed = false WHERE doc_id = ?")) {
            for (String id : flagged) {
                if (!inIndex.contains(id)) {
                    ps.setString(1, id);
                    ps.executeUpdate();
                }
            }
        }
    }

    private static Set<String> ids(Warehouse wh, String sql) throws SQLException {
        Set<String> ids = new TreeSet<>();
        try (Statement st = wh.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) ids.add(rs.getString(1));
        }
        return ids;
    }

    /** One line for {@code stats}. */
    String summary() {
        StringBuilder sb = new StringBuilder(String.format(
                "agreement: %d documents ok+indexed in the warehouse, %d distinct doc ids in the index: %s",
                warehouseIndexed.size(), indexDocIds.size(), agree() ? "agree" : "DISAGREE"));
        if (pending > 0) sb.append(String.format(" (%d documents pending; the next ingest completes them)", pending));
        if (!onlyInWarehouse.isEmpty()) sb.append("\n  only in the warehouse: ").append(head(onlyInWarehouse));
        if (!onlyInIndex.isEmpty()) sb.append("\n  only in the index: ").append(head(onlyInIndex));
        return sb.toString();
    }

    private static String head(Set<String> ids) {
        return ids.size() <= 10 ? String.join(", ", ids)
                : String.join(", ", ids.stream().limit(10).toList()) + " … (" + ids.size() + ")";
    }
}
