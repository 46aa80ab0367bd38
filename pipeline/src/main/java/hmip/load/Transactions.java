package hmip.load;

import java.sql.Connection;
import java.sql.SQLException;

/** The one place that runs work on a JDBC connection as a transaction: commit, or roll back and rethrow. */
public final class Transactions {
    /** Work against a connection, run inside a transaction. */
    public interface Work {
        void run() throws SQLException;
    }

    private Transactions() {}

    /** Runs {@code work} in a transaction of its own, then restores the connection's auto-commit setting. */
    public static void run(Connection conn, Work work) throws SQLException {
        boolean auto = conn.getAutoCommit();
        conn.setAutoCommit(false);
        try {
            work.run();
            conn.commit();
        } catch (SQLException | RuntimeException e) {
            conn.rollback();
            throw e;
        } finally {
            conn.setAutoCommit(auto);
        }
    }

    /** Runs {@code work} inside the caller's open transaction, or in one of its own when none is open. */
    public static void join(Connection conn, Work work) throws SQLException {
        if (conn.getAutoCommit()) run(conn, work);
        else work.run();
    }
}
