package hmip.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hmip.model.Extraction;
import hmip.model.LaidOutDocument;
import hmip.model.LaidOutPage;
import hmip.model.Page;
import hmip.model.ParsedDocument;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several documents per transaction, each still all-or-nothing. */
class WarehouseBatchTest {
    @TempDir
    Path tmp;

    private static LaidOutDocument doc(String id) {
        ParsedDocument parsed = new ParsedDocument(id, id + ".pdf", "sha-" + id, "application/pdf",
                List.of(new Page(1, 0, 0, List.of(), false)), Map.of());
        return new LaidOutDocument(parsed, List.of(new LaidOutPage(1, "text of " + id, List.of(), List.of(), List.of(),
                List.of(), false)));
    }

    /** A document the warehouse cannot write (no source): its write fails inside the open batch. */
    private static LaidOutDocument broken() {
        return new LaidOutDocument(null, List.of());
    }

    private static List<String> ids(Warehouse wh) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement st = wh.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT doc_id FROM documents ORDER BY doc_id")) {
            while (rs.next()) ids.add(rs.getString(1));
        }
        return ids;
    }

    @Test
    void batchedDocumentsCommitAndAFailingOneLeavesTheOthersWhole() throws Exception {
        Path db = tmp.resolve("w.duckdb");
        try (Warehouse wh = Warehouse.open(db)) {
            wh.documentsPerTransaction(3);
            wh.storeDocument(doc("a"), Extraction.other("a", null), 1, 1);
            wh.storeDocument(doc("b"), Extraction.other("b", null), 1, 1);
            assertThatThrownBy(() -> wh.storeDocument(broken(), Extraction.other("c", null), 1, 1)).isInstanceOf(Exception.class);
            wh.storeDocument(doc("d"), Extraction.other("d", null), 1, 1);
            assertThat(ids(wh)).containsExactly("a", "b", "d");
        }
        try (Warehouse wh = Warehouse.open(db)) { // d was pending: close committed it
            assertThat(ids(wh)).containsExactly("a", "b", "d");
            assertThat(wh.rowCounts().get("pages")).isEqualTo(3);
                        wh.documentsPerTransaction(2);
            wh.storeDocument(doc("a"), Extraction.other("a", null), 2, 1); // replaced, not duplicated
            wh.commitDocuments();
            assertThat(wh.rowCounts().get("pages")).isEqualTo(3);
        }
    }
}
