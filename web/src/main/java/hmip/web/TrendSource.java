package hmip.web;

import hmip.trends.TrendDefinition;
import hmip.trends.TrendFilter;
import hmip.trends.TrendTable;
import hmip.trends.Trends;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Where trend tables come from: {@link Trends} in production; tests may supply their own catalogue. */
public interface TrendSource {
    List<TrendDefinition> catalog();

    /** @throws java.util.NoSuchElementException for an unknown name */
    TrendTable run(Connection warehouse, String name, TrendFilter filter) throws SQLException;

    TrendSource STANDARD = new TrendSource() {
        @Override
        public List<TrendDefinition> catalog() { return Trends.catalog(); }

        @Override
        public TrendTable run(Connection c, String name, TrendFilter filter) throws SQLException {
            return Trends.run(c, name, filter);
        }
    };
}
