package hmip.trends;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * The catalogue of trend tables and the way to compute one over a warehouse connection. The tables are
 * data: {@code hmip/trends/catalog.json} names and documents them, and each has one SQL file beside it
 * taking four positional parameters ($1 region, $2 from year, $3 to year, $4 standard). Notebooks run the
 * same files, so a table means the same everywhere.
 */
public final class Trends {
    static final String FOLDER = "/hmip/trends/";
    private static final List<Entry> ENTRIES = load();

    private Trends() {}

    /** A catalogue entry: the public definition plus what it needs from other stages. */
    record Entry(TrendDefinition definition, List<Requirement> requires, String fallback, String fallbackNote) {}

    record Requirement(String table, List<String> columns) {}

    /** Every trend table, in the order they are documented. */
    public static List<TrendDefinition> catalog() {
        return ENTRIES.stream().map(Entry::definition).toList();
    }

    /**
     * Computes one table. Filters are bound as SQL parameters, never spliced into SQL text. A table whose
     * inputs (from another stage) are not in the warehouse yet comes back with its fallback's rows (often
     * none) and a note saying so.
     *
     * @throws NoSuchElementException for an unknown name
     */
    public static TrendTable run(Connection warehouse, String name, TrendFilter filter) throws SQLException {
        Query query = query(warehouse, name);
        List<String> notes = query.notes();
        if (query.sql() == null) { // a requirement without a fallback: nothing to compute yet
            return new TrendTable(query.definition(), List.of(), List.of(), notes);
        }
        try (PreparedStatement ps = warehouse.prepareStatement(query.sql())) {
            bind(ps, filter);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) columns.add(md.getColumnLabel(i));
                List<List<Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(columns.size());
                    for (int i = 1; i <= columns.size(); i++) row.add(plain(rs.getObject(i)));
                    rows.add(row);
                }
                return new TrendTable(query.definition(), columns, rows, notes);
            }
        }
    }

    /**
     * What computing a table over this warehouse runs: the SQL text (the table's own file, or its fallback while
     * a table from another stage is missing; null when there is nothing to run) and the notes saying so. The SQL
     * takes the four parameters {@link #bind} sets; exports wrap it in DuckDB's {@code COPY}.
     *
     * @throws NoSuchElementException for an unknown name
     */
    public static Query query(Connection warehouse, String name) throws SQLException {
        Entry entry = ENTRIES.stream().filter(e -> e.definition().name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no trend table named " + name + " (known: "
                        + String.join(", ", catalog().stream().map(TrendDefinition::name).toList()) + ")"));
        List<String> notes = new ArrayList<>();
        String file = name + ".sql";
        for (Requirement r : entry.requires()) {
            List<String> missing = missingColumns(warehouse, r);
            if (!missing.isEmpty()) {
                file = entry.fallback();
                notes.add(entry.fallbackNote() + (missing.size() < r.columns().size()
                        ? " (" + r.table() + " exists but lacks column(s) " + String.join(", ", missing) + ")" : ""));
                break;
            }
        }
        return new Query(entry.definition(), file == null ? null : sql(file), notes);
    }

    /** A trend table's SQL as resolved for one warehouse, with the notes that qualify it. */
    public record Query(TrendDefinition definition, String sql, List<String> notes) {
        public Query {
            notes = List.copyOf(notes);
        }
    }

    /** Binds a filter to the four parameters every trend SQL file takes ($1 region ... $4 standard). */
    public static void bind(PreparedStatement ps, TrendFilter filter) throws SQLException {
        TrendFilter f = filter == null ? TrendFilter.NONE : filter;
        bind(ps, 1, f.region());
        bindInt(ps, 2, f.fromYear());
        bindInt(ps, 3, f.toYear());
        bind(ps, 4, f.standard());
    }

    /** The SQL text of a table's file, as the notebooks and other tools may want to show or run it. */
    public static String sql(String file) {
        if (!file.matches("[a-z0-9_.]+\\.sql")) throw new IllegalArgumentException("bad trend SQL file " + file);
        try (InputStream in = Trends.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) throw new IllegalStateException("missing resource " + FOLDER + file);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The required columns a table (base table or view) of the main schema lacks: all of them when the table
     * does not exist, none when it is complete.
     */
    static List<String> missingColumns(Connection c, Requirement r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT lower(column_name) FROM information_schema.columns "
                + "WHERE table_schema = 'main' AND lower(table_name) = lower(?)")) {
            ps.setString(1, r.table());
            List<String> have = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) have.add(rs.getString(1));
            }
            if (have.isEmpty()) return r.columns();
            return r.columns().stream().filter(col -> !have.contains(col.toLowerCase(Locale.ROOT))).toList();
        }
    }

    private static void bind(PreparedStatement ps, int i, String v) throws SQLException {
        if (v == null) ps.setNull(i, Types.VARCHAR); else ps.setString(i, v);
    }

    private static void bindInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) ps.setNull(i, Types.INTEGER); else ps.setInt(i, v);
    }

    /** Reduces driver types to String, Long, Double, Boolean or null. */
    private static Object plain(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean) return v;
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
        if (v instanceof BigInteger b) return b.longValue();
        if (v instanceof BigDecimal d) return d.scale() <= 0 ? (Object) d.longValueExact() : (Object) d.doubleValue();
        if (v instanceof Number n) return n.doubleValue();
        return v.toString();
    }

    private static List<Entry> load() {
        try (InputStream in = Trends.class.getResourceAsStream(FOLDER + "catalog.json")) {
            if (in == null) throw new IllegalStateException("missing resource " + FOLDER + "catalog.json");
            JsonNode root = new ObjectMapper().readTree(in);
            List<Entry> out = new ArrayList<>();
            for (JsonNode t : root.path("tables")) {
                List<Requirement> reqs = new ArrayList<>();
                for (JsonNode r : t.path("requires")) {
                    List<String> cols = new ArrayList<>();
                    r.path("columns").forEach(c -> cols.add(c.asText()));
                    reqs.add(new Requirement(r.path("table").asText(), List.copyOf(cols)));
                }
                out.add(new Entry(new TrendDefinition(t.path("name").asText(), t.path("title").asText(),
                        t.path("description").asText()), List.copyOf(reqs),
                        t.hasNonNull("fallback") ? t.get("fallback").asText() : null,
                        t.hasNonNull("fallbackNote") ? t.get("fallbackNote").asText() : null));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
