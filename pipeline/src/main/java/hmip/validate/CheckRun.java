package hmip.validate;

import hmip.load.FindingStore;
import hmip.model.CheckFinding;
import hmip.model.DocumentValidation;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A full check of the warehouse: every document's checks rerun on its stored rows, then the cross-document
 * checks. {@code hmip check} writes the result with {@code hmip.load.FindingStore#replaceAll}; a read-only
 * caller just reports it.
 */
public final class CheckRun {
    private final Validator validator;

    public CheckRun(Validator validator) { this.validator = validator; }

    /** The outcome: per-document validations and cross-document findings. */
    public record Result(List<DocumentValidation> documents, List<CheckFinding> cross) {
        public List<CheckFinding> findings() {
            List<CheckFinding> all = new ArrayList<>();
            documents.forEach(d -> all.addAll(d.findings()));
            all.addAll(cross);
            return all;
        }
    }

    public Result run(Connection conn) throws SQLException {
        List<DocumentValidation> docs = new ArrayList<>();
        for (String id : WarehouseDocuments.ids(conn)) docs.add(validator.validate(WarehouseDocuments.load(conn, id)));
        return new Result(docs, validator.crossDocument(conn));
    }
}
