package hmip.fetch;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code manifest.csv} in the output folder: one row per URL fetched (reports, press releases, landing pages, and
 * the listing pages and robots.txt files kept under {@code .fetch/}), keyed by URL. Rewritten whole, through a
 * temporary file and a rename, after every URL, so a killed fetch leaves the manifest of everything it finished.
 */
public final class Manifest {
    public static final String FILE_NAME = "manifest.csv";
    static final String[] HEADER = {"url", "landing_url", "kind", "title", "published", "file", "sha256", "bytes",
            "retrieved_at", "checked_at", "etag", "last_modified", "status", "error"};

    /** What a row's document is. */
    public static final String REPORT = "report", PRESS_RELEASE = "press_release", LANDING_PAGE = "landing_page",
            LISTING = "listing", ROBOTS = "robots";
    /** Row status: bytes downloaded this run, validated unchanged, or failed (with error). */
    public static final String DOWNLOADED = "downloaded", UNCHANGED = "unchanged", FAILED = "failed";

    /**
     * One row. {@code file} is relative to the output folder; {@code retrievedAt} is when the current bytes were
     * downloaded, {@code checkedAt} when the URL was last asked for (ISO-8601 UTC instants).
     */
    public record Row(String url, String landingUrl, String kind, String title, String published, String file,
                      String sha256, Long bytes, String retrievedAt, String checkedAt, String etag, String lastModified,
                      String status, String error) {
        public Row withStatus(String newStatus, String newError, String checked) {
            return new Row(url, landingUrl, kind, title, published, file, sha256, bytes, retrievedAt, checked, etag,
                    lastModified, newStatus, newError);
        }

        public Row withPage(String newLandingUrl, String newTitle, String newPublished) {
            return new Row(url, newLandingUrl, kind, newTitle, newPublished, file, sha256, bytes, retrievedAt, checkedAt,
                    etag, lastModified, status, error);
        }
    }

    private final Path dir;
    private final Map<String, Row> rows = new LinkedHashMap<>();

    private Manifest(Path dir) { this.dir = dir; }

    /** The manifest of a folder (empty when it has none yet). */
    public static Manifest read(Path dir) throws IOException {
        Manifest m = new Manifest(dir);
        Path file = dir.resolve(FILE_NAME);
        if (!Files.exists(file)) return m;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord rec : format().setSkipHeaderRecord(true).get().parse(r)) {
                Row row = new Row(get(rec, "url"), get(rec, "landing_url"), get(rec, "kind"), get(rec, "title"),
                        get(rec, "published"), get(rec, "file"), get(rec, "sha256"),
                        get(rec, "bytes") == null ? null : Long.valueOf(get(rec, "bytes")), get(rec, "retrieved_at"),
                        get(rec, "checked_at"), get(rec, "etag"), get(rec, "last_modified"), get(rec, "status"),
                        get(rec, "error"));
                if (row.url() != null) m.rows.put(row.url(), row);
            }
        }
        return m;
    }

    private static CSVFormat.Builder format() {
        return CSVFormat.RFC4180.builder().setHeader(HEADER).setRecordSeparator("\n");
    }

    private static String get(CSVRecord rec, String column) {
        if (!rec.isMapped(column) || !rec.isSet(column)) return null;
        String v = rec.get(column);
        return v == null || v.isEmpty() ? null : v;
    }

    public Path dir() { return dir; }

    public Optional<Row> get(String url) { return Optional.ofNullable(rows.get(url)); }

    public List<Row> rows() { return List.copyOf(rows.values()); }

    /** Whether another URL's row already names this file (file names must stay unique: they are document ids). */
    public boolean fileTakenByOther(String file, String url) {
        return rows.values().stream().anyMatch(r -> file.equals(r.file()) && !r.url().equals(url));
    }

    /** Records a row (replacing the URL's earlier one) and rewrites the file atomically. */
    public synchronized void put(Row row) throws IOException {
        rows.put(row.url(), row);
        write();
    }

    private void write() throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + FILE_NAME + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, format().get())) {
            for (Row r : rows.values()) {
                p.printRecord(r.url(), r.landingUrl(), r.kind(), r.title(), r.published(), r.file(), r.sha256(),
                        r.bytes(), r.retrievedAt(), r.checkedAt(), r.etag(), r.lastModified(), r.status(), r.error());
            }
        }
        move(tmp, dir.resolve(FILE_NAME));
    }

    /** Rename, atomically where the file system can (it can within one folder on every local one we know). */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Rows in manifest order, as a list of the given status (for reports). */
    public List<Row> withStatus(String status) {
        List<Row> out = new ArrayList<>();
        for (Row r : rows.values()) if (status.equals(r.status())) out.add(r);
        return out;
    }
}
