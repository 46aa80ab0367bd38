package hmip.load;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Analysts' corrections to published values ({@code data/corrections/*.csv}): which document (by the SHA-256
 * of its bytes, so a correction follows the file, not its name), which value (field, provider as printed,
 * standard), the corrected value, who and why. The document's published value is never overwritten: it stays
 * in the {@code published_*} columns beside the value in use. See {@code data/corrections/README.md}.
 */
public final class Corrections {
    /** The values a correction may replace. */
    public static final Set<String> FIELDS = Set.of("rating", "overall_rating", "score", "fieldwork_started");
    private static final Pattern SCORE = Pattern.compile("^(\\d{1,2})\\s*/\\s*(\\d{1,2})$");

    /** One row of a corrections file (line numbers count the header as line 1). */
    public record Correction(String file, int line, String sha256, String field, String provider, String standard,
                             String value, String who, String why) {
        /** What a correction says wherever its value is shown. */
        public String label() { return "corrected" + (who == null ? "" : " by " + who) + (why == null ? "" : ": " + why); }
    }

    /** What became of one correction: applied to a document, or not, and why. */
    public record Outcome(Correction correction, boolean applied, String docId, String publishedValue, String detail) {}

    private Corrections() {}

    /** Every row of every {@code *.csv} in {@code folder} (none when the folder does not exist), checked. */
    public static List<Correction> read(Path folder) {
        List<Correction> out = new ArrayList<>();
        if (folder == null || !Files.isDirectory(folder)) return out;
        try (var files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) out.addAll(readFile(f));
        } catch (IOException e) {
            throw new UncheckedIOException("reading corrections in " + folder + ": " + e.getMessage(), e);
        }
        return out;
    }

    static List<Correction> readFile(Path file) throws IOException {
        List<Correction> out = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : format.parse(in)) {
                int line = (int) r.getRecordNumber() + 1;
                String field = value(r, "field") == null ? null : value(r, "field").toLowerCase(Locale.ROOT);
                String sha = value(r, "sha256"), corrected = value(r, "corrected_value");
                String where = file.getFileName() + " line " + line;
                if (sha == null || field == null || corrected == null) {
                    throw new IllegalArgumentException(where + ": sha256, field and corrected_value are required");
                }
                if (!FIELDS.contains(field)) throw new IllegalArgumentException(where + ": unknown field '" + field + "' (known: " + FIELDS + ")");
                if (field.equals("rating") && value(r, "standard") == null) {
                    throw new IllegalArgumentException(where + ": a rating correction needs its standard");
                }
                if (field.equals("score") && !SCORE.matcher(corrected).matches()) {
                    throw new IllegalArgumentException(where + ": a score is corrected as points/max, e.g. 12/27");
                }
                out.add(new Correction(file.getFileName().toString(), line, sha.toLowerCase(Locale.ROOT), field,
                        value(r, "provider"), value(r, "standard"), corrected, value(r, "who"), value(r, "why")));
            }
        }
        return out;
    }

    private static String value(CSVRecord r, String column) {
        if (!r.isMapped(column) || !r.isSet(column)) return null;
        String v = r.get(column);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** Puts one correction into effect in the caller's transaction. */
    static Outcome apply(Connection conn, Correction c) throws SQLException {
        String docId = null;
        try (PreparedStatement ps = conn.prepareStatement("SELECT doc_id FROM documents WHERE sha256 = ? AND status = 'ok'")) {
            ps.setString(1, c.sha256());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) docId = rs.getString(1);
            }
        }
        if (docId == null) {
            return new Outcome(c, false, null, null, "no loaded document has this SHA-256 (the file changed, or was not ingested)");
        }
        String provider = c.provider();
        String published = published(conn, c, docId);
        if (published == null) {
            return new Outcome(c, false, docId, null, "document " + docId + " has no " + c.field()
                    + (provider == null ? "" : " for '" + provider + "'") + (c.standard() == null ? "" : " " + c.standard()));
        }
        int updated;
        switch (c.field()) {
            case "rating" -> updated = update(conn, "UPDATE ratings SET rating = ?, correction = ? WHERE doc_id = ? "
                    + "AND lower(provider) = lower(coalesce(?, provider)) AND standard = ?", c.value(), c.label(), docId, provider, c.standard());
            case "overall_rating" -> updated = update(conn, "UPDATE providers SET overall_rating = ?, correction = ? WHERE doc_id = ? "
                    + "AND lower(provider) = lower(coalesce(?, provider))", c.value(), c.label(), docId, provider);
            case "fieldwork_started" -> updated = update(conn, "UPDATE providers SET fieldwork_started = ?, correction = ? "
                    + "WHERE doc_id = ? AND lower(provider) = lower(coalesce(?, provider))", c.value(), c.label(), docId, provider);
            default -> {
                Matcher m = SCORE.matcher(c.value());
                m.matches();
                updated = update(conn, "UPDATE providers SET score_points = ?, score_max = ?, correction = ? WHERE doc_id = ? "
                        + "AND lower(provider) = lower(coalesce(?, provider))", Integer.valueOf(m.group(1)),
                        Integer.valueOf(m.group(2)), c.label(), docId, provider);
            }
        }
        if (updated > 1) {
            return new Outcome(c, true, docId, published, "applied to " + updated + " units: name the provider to correct one");
        }
        return new Outcome(c, true, docId, published, null);
    }

    /** The value the document prints for the correction's target, or null when it has none. */
    private static String published(Connection conn, Correction c, String docId) throws SQLException {
        String sql = switch (c.field()) {
            case "rating" -> "SELECT published_rating FROM ratings WHERE doc_id = ? AND lower(provider) = lower(coalesce(?, provider)) AND standard = ?";
            case "overall_rating" -> "SELECT coalesce(published_overall_rating, '') FROM providers WHERE doc_id = ? AND lower(provider) = lower(coalesce(?, provider))";
            case "fieldwork_started" -> "SELECT coalesce(published_fieldwork_started, '') FROM providers WHERE doc_id = ? AND lower(provider) = lower(coalesce(?, provider))";
            default -> "SELECT coalesce(published_score_points || '/' || published_score_max, '') FROM providers WHERE doc_id = ? AND lower(provider) = lower(coalesce(?, provider))";
        };
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, docId);
            ps.setString(2, c.provider());
            if (c.field().equals("rating")) ps.setString(3, c.standard());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static int update(Connection conn, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) ps.setObject(i + 1, values[i]);
            return ps.executeUpdate();
        }
    }
}
