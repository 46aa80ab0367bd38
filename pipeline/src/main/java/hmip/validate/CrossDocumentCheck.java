package hmip.validate;

import hmip.model.CheckFinding;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** A check that compares documents through the warehouse tables (SQL with bound parameters only). */
public interface CrossDocumentCheck {
    String name();

    List<CheckFinding> run(Connection warehouse) throws SQLException;
}
