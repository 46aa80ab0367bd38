package hmip.trends;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.NoSuchElementException;

/** The catalogue of trend tables and the way to compute one over a warehouse connection. */
public final class Trends {
    private Trends() {}

    /** Every trend table, in the order they are documented. */
    public static List<TrendDefinition> catalog() {
        return List.of();
    }

    /**
     * Computes one table. Filters are bound as SQL parameters, never spliced into SQL text.
     *
     * @throws NoSuchElementException for an unknown name
     */
    public static TrendTable run(Connection warehouse, String name, TrendFilter filter) throws SQLException {
        throw new NoSuchElementException("no trend table named " + name);
    }
}
