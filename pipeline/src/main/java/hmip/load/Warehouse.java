package hmip.load;

import hmip.model.Block;
import hmip.model.DocumentStatus;
import hmip.model.DocumentValidation;
import hmip.model.Extraction;
import hmip.model.Finding;
import hmip.model.KeyQuestion;
import hmip.model.LaidOutDocument;
import hmip.model.LaidOutPage;
import hmip.model.Provenance;
import hmip.model.Provider;
import hmip.model.Recommendation;
import hmip.model.StandardRating;
import hmip.model.StatedRating;
import hmip.reference.Reference;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** The DuckDB warehouse file. Not thread-safe: one writer thread owns an instance. */
public final class Warehouse implements AutoCloseable {
    public static final int SCHEMA_VERSION = 1;
    /** Tables holding a document's rows; all are replaced together when a document is re-ingested. */
    public static final List<String> DOCUMENT_TABLES = List.of(
            "pages", "blocks", "providers", "ratings", "key_questions", "recommendations", "findings",
            "extraction_notes", "status_reasons", "stated_ratings", "provider_resolution", "check_findings",
            "passage_themes", "quant_facts");

    private final DuckDBConnection conn;
    private final boolean readOnly;
    private final Reference reference;

    private Warehouse(DuckDBConnection conn, boolean readOnly, Reference reference) {
        this.conn = conn;
        this.readOnly = readOnly;
        this.reference = reference;
    }

    /**
     * Opens the warehouse for writing, waiting up to {@code wait} while another process holds it
     * (polling twice a second), then failing with {@link WarehouseBusyException}.
     */
    public static Warehouse open(Path file, java.time.Duration wait) throws SQLException {
        return open(file, wait, Reference.bundled());
    }

    /** As {@link #open(Path, java.time.Duration)}, with this reference data. */
    public static Warehouse open(Path file, java.time.Duration wait, Reference reference) throws SQLException {
        long until = System.nanoTime() + (wait == null ? 0 : wait.toNanos());
        while (true) {
            try {
                return open(file, reference);
            } catch (WarehouseBusyException e) {
                if (System.nanoTime() - until >= 0) throw e;
                try {
                    Thread.sleep(500);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Opens (creating if needed) the warehouse for writing with the bundled reference data. */
    public static Warehouse open(Path file) throws SQLException {
        return open(file, Reference.bundled());
    }

    /**
     * Opens (creating if needed) the warehouse for writing, brings its schema up to date and reloads its
     * {@code ref_*} tables from {@code reference}.
     */
    public static Warehouse open(Path file, Reference reference) throws SQLException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
        } catch (IOException e) {
            throw new SQLException("cannot create folder for " + file + ": " + e.getMessage(), e);
        }
        Warehouse w = new Warehouse(connect(file, false), false, reference);
        w.migrate();
        return w;
    }

    /** Opens an existing warehouse read-only; many readers may do so while nothing writes. */
    public static Warehouse openReadOnly(Path file) throws SQLException {
        if (!Files.exists(file)) {
            throw new SQLException("no warehouse at " + file + " (run `./hmip ingest` first)");
        }
        return new Warehouse(connect(file, true), true, Reference.bundled());
    }

    private static DuckDBConnection connect(Path file, boolean readOnly) throws SQLException {
        Properties props = new Properties();
        if (readOnly) props.setProperty("duckdb.read_only", "true");
        try {
            return (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), props);
        } catch (SQLException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("lock") || msg.contains("Conflicting")) {
                throw new WarehouseBusyException(readOnly
                        ? "warehouse " + file + " is being written by another process (an ingest is running); "
                                + "readers can open it when nothing writes: try again when it has finished"
                        : "warehouse " + file + " is in use by another process (another ingest, or a reader "
                                + "such as a notebook, holds it); try again when it has finished, or pass --wait", e);
            }
            throw e;
        }
    }

    public Connection connection() { return conn; }

    public boolean isReadOnly() { return readOnly; }

    private void migrate() throws SQLException {
        try (Statement st = conn.createStatement()) {
            for (String sql : statements(resource("/hmip/load/schema.sql"))) st.execute(sql);
            for (String sql : statements(resource("/hmip/load/views.sql"))) st.execute(sql);
            int current;
            try (ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
                rs.next();
                current = rs.getInt(1);
            }
            if (current < SCHEMA_VERSION) {
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO schema_version VALUES (?, ?)")) {
                    ps.setInt(1, SCHEMA_VERSION);
                    ps.setObject(2, LocalDateTime.now());
                    ps.executeUpdate();
                }
            }
        }
        loadReferenceTables();
    }

    /** Replaces the {@code ref_*} tables with the reference data this warehouse was opened with. */
    private void loadReferenceTables() throws SQLException {
        inTransaction(() -> {
            try (Statement st = conn.createStatement()) {
                for (String t : List.of("ref_standards", "ref_rating_scale", "ref_canonical_standards", "ref_gazetteer",
                        "ref_nps_lineage")) {
                    st.execute("DELETE FROM " + t);
                }
            }
            try (DuckDBAppender a = appender("ref_standards")) {
                for (Reference.Framework f : reference.frameworks()) {
                    for (Reference.Standard s : f.standards()) {
                        a.beginRow().append(f.id()).append(s.code()).append(s.name()).append(s.domain()).append(s.rated())
                                .append(s.canonical()).append(s.canonicalName()).endRow();
                    }
                }
            }
            try (DuckDBAppender a = appender("ref_rating_scale")) {
                for (Reference.RatingLevel l : reference.levels()) {
                    a.beginRow().append(l.rating()).append(l.points()).append(l.rank()).append(l.bandMin())
                            .append(l.bandMax()).endRow();
                }
            }
            try (DuckDBAppender a = appender("ref_canonical_standards")) {
                for (Reference.CanonicalStandard c : reference.canonicalStandards()) {
                    a.beginRow().append(c.code()).append(c.name()).append(c.sortOrder()).append(c.caseSupervision())
                            .append(c.note()).endRow();
                }
            }
            try (DuckDBAppender a = appender("ref_gazetteer")) {
                for (Map<String, String> r : reference.gazetteerRows()) {
                    a.beginRow().append(r.get("kind")).append(r.get("canonical_name")).append(r.get("region"))
                            .append(r.get("variant")).append(r.get("status")).endRow();
                }
            }
            try (DuckDBAppender a = appender("ref_nps_lineage")) {
                for (Reference.Lineage l : reference.lineage()) {
                    a.beginRow().append(l.division2018()).append(l.region2021()).append(l.relation()).append(l.note()).endRow();
                }
            }
        });
    }

    private DuckDBAppender appender(String table) throws SQLException {
        return conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
    }

    public Optional<KnownFile> known(String docId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT doc_id, path, sha256, status, error_code, error, indexed FROM documents WHERE doc_id = ?")) {
            ps.setString(1, docId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new KnownFile(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7)));
            }
        }
    }

    /** Every document the warehouse knows, by id, in one query (ingest checks each input file against it). */
    public Map<String, KnownFile> knownFiles() throws SQLException {
        Map<String, KnownFile> all = new java.util.HashMap<>();
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT doc_id, path, sha256, status, error_code, error, indexed FROM documents")) {
            while (rs.next()) {
                all.put(rs.getString(1), new KnownFile(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7)));
            }
        }
        return all;
    }

    public int startRun(String arguments) throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT coalesce(max(run_id), 0) + 1 FROM ingest_runs")) {
            rs.next();
            int run = rs.getInt(1);
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO ingest_runs (run_id, started_at, arguments) VALUES (?, ?, ?)")) {
                ps.setInt(1, run);
                ps.setObject(2, LocalDateTime.now());
                ps.setString(3, arguments);
                ps.executeUpdate();
            }
            return run;
        }
    }

    public void finishRun(int runId, int ok, int failed, int skipped, long pages, double seconds) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("UPDATE ingest_runs SET finished_at = ?, files_ok = ?, "
                + "files_failed = ?, files_skipped = ?, pages = ?, seconds = ? WHERE run_id = ?")) {
            ps.setObject(1, LocalDateTime.now());
            ps.setInt(2, ok);
            ps.setInt(3, failed);
            ps.setInt(4, skipped);
            ps.setLong(5, pages);
            ps.setDouble(6, seconds);
            ps.setInt(7, runId);
            ps.executeUpdate();
        }
    }

    /**
     * Replaces everything known about one document with what the pipeline read, in one transaction: the
     * extraction, the validate stage's findings and name resolutions, and the document's status.
     * {@code sameTransaction} (rows of later stages, such as themes and facts) runs inside the document's
     * transaction, after the document's earlier rows in every {@link #DOCUMENT_TABLES} table were deleted.
     * The document row is written with {@code indexed = false}; {@link #markIndexed} flips it once the search
     * index has committed the same document, so a crash between the two is repaired by rerunning.
     */
    public void storeDocument(LaidOutDocument doc, Extraction ex, DocumentValidation validation, DocumentStatus status,
                              long bytes, int runId, Transactions.Work sameTransaction) throws SQLException {
        inTransaction(() -> {
            writeDocument(doc, ex, status, bytes, runId);
            // per-document checks and name resolution, stored with the document's rows
            FindingStore.writeDocument(conn, validation);
            sameTransaction.run();
        });
    }

    private void writeDocument(LaidOutDocument doc, Extraction ex, DocumentStatus status, long bytes, int runId)
            throws SQLException {
        // A new document has no rows to delete; each DELETE would otherwise scan its table.
        if (exists(doc.docId())) deleteRows(doc.docId());
        String id = doc.docId();
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO documents (doc_id, path, sha256, media_type, "
                + "bytes, status, doc_type, framework, title, published, region, pages, ocr_pages, indexed, run_id, "
                + "ingested_at, status_level, display_title) VALUES (?, ?, ?, ?, ?, 'ok', ?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, doc.source().path());
            ps.setString(3, doc.source().sha256());
            ps.setString(4, doc.source().mediaType());
            ps.setLong(5, bytes);
            ps.setString(6, ex.docType());
            ps.setString(7, ex.framework());
            ps.setString(8, ex.title());
            ps.setString(9, ex.published());
            ps.setString(10, ex.region());
            ps.setInt(11, doc.pages().size());
            ps.setInt(12, (int) doc.pages().stream().filter(LaidOutPage::ocr).count());
            ps.setInt(13, runId);
            ps.setObject(14, LocalDateTime.now());
            ps.setString(15, status.level());
            ps.setString(16, ex.displayTitle());
            ps.executeUpdate();
        }
        appendPages(doc);
        appendExtraction(id, ex);
        try (DuckDBAppender reasons = appender("status_reasons")) {
            int n = 0;
            for (String r : status.reasons()) reasons.beginRow().append(id).append(n++).append(r).endRow();
        }
    }

    /** The cross-framework standard a framework's standard maps to (the reference's crosswalk). */
    private String canonicalStandard(String framework, String code) {
        return reference.standard(framework, code).map(Reference.Standard::canonical).orElse(null);
    }

    private boolean exists(String docId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT 1 FROM documents WHERE doc_id = ?")) {
            ps.setString(1, docId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Records a file that failed, removing any rows an earlier version of it left. Like a loaded
     * document it starts with {@code indexed = false}: {@link #markIndexed} flips it once the index has
     * committed the removal of any passages an earlier version had.
     */
    public void storeFailure(String docId, String path, String sha256, String mediaType, long bytes,
                             String errorCode, String error, int runId) throws SQLException {
        inTransaction(() -> {
            deleteRows(docId);
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO documents (doc_id, path, sha256, media_type, "
                    + "bytes, status, error_code, error, indexed, run_id, ingested_at) "
                    + "VALUES (?, ?, ?, ?, ?, 'failed', ?, ?, false, ?, ?)")) {
                ps.setString(1, docId);
                ps.setString(2, path);
                ps.setString(3, sha256);
                ps.setString(4, mediaType);
                ps.setLong(5, bytes);
                ps.setString(6, errorCode);
                ps.setString(7, error);
                ps.setInt(8, runId);
                ps.setObject(9, LocalDateTime.now());
                ps.executeUpdate();
            }
        });
    }

    /** How many passages the index holds for a document (0: nothing searchable, so absent from the index). */
    public void recordPassages(String docId, int passages) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("UPDATE documents SET passages = ? WHERE doc_id = ?")) {
            ps.setInt(1, passages);
            ps.setString(2, docId);
            ps.executeUpdate();
        }
    }

    public void markIndexed(String docId) throws SQLException {
        markIndexed(List.of(docId));
    }

    /** Flags many documents indexed in one statement (one transaction), after an index commit. */
    public void markIndexed(java.util.Collection<String> docIds) throws SQLException {
        List<String> ids = List.copyOf(docIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = conn.prepareStatement(
                    "UPDATE documents SET indexed = true WHERE doc_id IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) ps.setString(i + 1, chunk.get(i));
                ps.executeUpdate();
            }
        }
    }

    /** Documents whose rows committed but whose index commit may not have: they are re-ingested. */
    public List<String> unindexedDocuments() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT doc_id FROM documents WHERE status = 'ok' AND NOT indexed")) {
            while (rs.next()) ids.add(rs.getString(1));
        }
        return ids;
    }

    /** Row counts of every table, for {@code stats} and for tests of idempotency. */
    public Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> tables = new ArrayList<>(List.of("documents", "ingest_runs"));
        tables.addAll(DOCUMENT_TABLES);
        try (Statement st = conn.createStatement()) {
            for (String t : tables) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + t)) {
                    rs.next();
                    counts.put(t, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private void deleteRows(String docId) throws SQLException {
        for (String table : DOCUMENT_TABLES) {
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM " + table + " WHERE doc_id = ?")) {
                ps.setString(1, docId);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = conn.prepareStatement("DELETE FROM documents WHERE doc_id = ?")) {
            ps.setString(1, docId);
            ps.executeUpdate();
        }
    }

    private void appendPages(LaidOutDocument doc) throws SQLException {
        String id = doc.docId();
        try (DuckDBAppender pages = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "pages");
             DuckDBAppender blocks = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "blocks")) {
            for (LaidOutPage p : doc.pages()) {
                pages.beginRow().append(id).append(p.number()).append(p.text()).append(p.ocr())
                        .append(String.join("\n", p.removedLines())).endRow();
                for (Block b : concat(p.blocks(), p.footnotes())) {
                    blocks.beginRow().append(id).append(b.page()).append(b.ordinal()).append(b.kind().name())
                            .append(b.text()).append(b.start()).append(b.end());
                    if (b.box() == null) {
                        blocks.appendNull().appendNull().appendNull().appendNull();
                    } else {
                        blocks.append(b.box().x()).append(b.box().y()).append(b.box().width()).append(b.box().height());
                    }
                    blocks.endRow();
                }
            }
        }
    }

    private void appendExtraction(String id, Extraction ex) throws SQLException {
        try (DuckDBAppender providers = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "providers");
             DuckDBAppender ratings = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "ratings");
             DuckDBAppender kqs = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "key_questions");
             DuckDBAppender recs = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "recommendations");
             DuckDBAppender findings = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "findings");
             DuckDBAppender notes = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "extraction_notes");
             DuckDBAppender stated = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "stated_ratings")) {
            for (Provider p : ex.providers()) {
                Integer points = p.score() == null ? null : p.score().points(), max = p.score() == null ? null : p.score().max();
                providers.beginRow().append(id).append(p.name()).append(p.type()).append(p.fieldworkStarted())
                        .append(points).append(max).append(p.overallRating());
                // the published values again: corrections replace the values in use, never these
                provenance(providers, p.provenance()).append(p.overallRating()).append(points).append(max)
                        .append(p.fieldworkStarted()).appendNull().endRow();
                for (StandardRating r : p.ratings()) {
                    ratings.beginRow().append(id).append(p.name()).append(ex.framework()).append(r.standard())
                            .append(canonicalStandard(ex.framework(), r.standard())).append(r.rating());
                    provenance(ratings, r.provenance()).append(r.rating()).appendNull().endRow();
                }
            }
            for (KeyQuestion k : ex.keyQuestions()) {
                kqs.beginRow().append(id).append(k.provider()).append(ex.framework()).append(k.standard())
                        .append(canonicalStandard(ex.framework(), k.standard()))
                        .append(k.code()).append(k.question()).append(k.percentYes());
                provenance(kqs, k.provenance()).endRow();
            }
            int n = 0;
            for (Recommendation r : ex.recommendations()) {
                recs.beginRow().append(id + "#r" + (++n)).append(id).append(r.provider()).append(r.addressee())
                        .append(r.addresseeLevel()).append(r.number()).append(r.text());
                provenance(recs, r.provenance()).endRow();
            }
            n = 0;
            for (Finding f : ex.findings()) {
                findings.beginRow().append(id + "#f" + (++n)).append(id).append(f.provider()).append(f.standard())
                        .append(f.polarity()).append(f.text());
                provenance(findings, f.provenance()).endRow();
            }
            for (String note : ex.notes()) notes.beginRow().append(id).append(note).endRow();
            for (StatedRating r : ex.statedRatings()) {
                stated.beginRow().append(id).append(r.provider()).append(r.unit()).append(r.providerType())
                        .append(r.rating()).append(r.score() == null ? null : r.score().points())
                        .append(r.score() == null ? null : r.score().max()).append(r.sentence()).append(r.rule());
                provenance(provenance(stated, r.provenance()), r.score() == null ? null : r.score().provenance()).endRow();
            }
        }
    }

    /**
     * Records where a document came from (a row of the manifest {@code hmip fetch} wrote beside it): source URL,
     * landing page, retrieval time and the landing page's publication date. Runs inside the caller's transaction
     * when there is one (ingest calls it with the document's rows).
     */
    public void recordSource(String docId, String sourceUrl, String landingUrl, java.time.Instant retrievedAt,
                             String published) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("UPDATE documents SET source_url = ?, landing_url = ?, "
                + "retrieved_at = ?, source_published = ? WHERE doc_id = ?")) {
            ps.setString(1, sourceUrl);
            ps.setString(2, landingUrl);
            ps.setObject(3, retrievedAt == null ? null : LocalDateTime.ofInstant(retrievedAt, java.time.ZoneOffset.UTC));
            ps.setString(4, published);
            ps.setString(5, docId);
            ps.executeUpdate();
        }
    }

    /**
     * Puts the corrections files' rows into effect, in one transaction: every corrected value goes back to what
     * its document prints, then each correction whose document (by SHA-256) and value are in the warehouse
     * replaces the value in use and says who corrected it and why. Runs at the end of every ingest, so a
     * correction outlives re-ingests of its file and a removed correction is undone. Returns every row with its
     * outcome (also kept in the {@code corrections} table); an unmatched row says why.
     */
    public List<Corrections.Outcome> applyCorrections(List<Corrections.Correction> corrections) throws SQLException {
        List<Corrections.Outcome> out = new ArrayList<>();
        inTransaction(() -> {
            try (Statement st = conn.createStatement()) {
                st.execute("UPDATE ratings SET rating = published_rating, correction = NULL WHERE correction IS NOT NULL");
                st.execute("UPDATE providers SET overall_rating = published_overall_rating, score_points = published_score_points, "
                        + "score_max = published_score_max, fieldwork_started = published_fieldwork_started, correction = NULL "
                        + "WHERE correction IS NOT NULL");
                st.execute("DELETE FROM corrections");
            }
            for (Corrections.Correction c : corrections) out.add(Corrections.apply(conn, c));
            try (DuckDBAppender a = appender("corrections")) {
                for (Corrections.Outcome o : out) {
                    Corrections.Correction c = o.correction();
                    a.beginRow().append(c.file()).append(c.line()).append(c.sha256()).append(c.field()).append(c.provider())
                            .append(c.standard()).append(c.value()).append(c.who()).append(c.why()).append(o.docId())
                            .append(o.publishedValue()).append(o.applied() ? "applied" : "unmatched").append(o.detail()).endRow();
                }
            }
        });
        return out;
    }

    private static DuckDBAppender provenance(DuckDBAppender a, Provenance p) throws SQLException {
        if (p == null) return a.appendNull().appendNull().appendNull();
        return a.append(p.page()).append(p.start()).append(p.end());
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private void inTransaction(Transactions.Work work) throws SQLException {
        Transactions.run(conn, work);
    }

    private static String resource(String name) {
        try (InputStream in = Warehouse.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return String.join("\n", r.lines().toList());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + name, e);
        }
    }

    /** Splits a SQL script on semicolons at line ends, dropping comment-only lines. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (String line : script.split("\n")) {
            if (line.strip().startsWith("--")) continue;
            sb.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                out.add(sb.toString().strip().replaceAll(";$", ""));
                sb.setLength(0);
            }
        }
        if (!sb.toString().isBlank()) out.add(sb.toString().strip());
        return out;
    }

    /** Writers checkpoint on close so readers never depend on replaying this process's WAL. */
    @Override
    public void close() throws SQLException {
        try {
            if (!readOnly) {
                try (Statement st = conn.createStatement()) {
                    st.execute("CHECKPOINT");
                }
            }
        } finally {
            conn.close();
        }
    }
}
