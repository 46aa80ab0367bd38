package hmip.app;

import static org.assertj.core.api.Assertions.assertThat;

import hmip.load.Warehouse;
import hmip.search.IndexedDocuments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest in a child JVM, killed (SIGKILL) at random moments several times (every other run with
 * --force, so kills also land while loaded documents are replaced), then run to completion:
 * the warehouse and index end exactly as after one clean run — no duplicates, no orphan rows, every
 * ok document complete, index and warehouse in agreement.
 */
class KillResumeTest {
    static final int KILLS = 4;

    @Test
    void killedIngestResumesToTheSameResult(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        List<Path> samples = BadInputs.samples();
        for (int i = 0; i < 10; i++) {
            Files.write(in.resolve(String.format("r%02d.pdf", i)), BadInputs.firstPages(samples.get(i % samples.size()), 3));
        }
        Files.write(in.resolve("empty.pdf"), new byte[0]);
        Files.write(in.resolve("cut.pdf"), BadInputs.truncated(Files.readAllBytes(samples.get(0))));

        // the reference: one clean run
        Path refDb = tmp.resolve("ref.duckdb"), refIdx = tmp.resolve("ref-idx");
        long t0 = System.nanoTime();
        Process ref = ChildJvm.start(tmp.resolve("ref.log"), Main.class, "ingest", "--quiet", "--no-embed", "--threads", "2",
                "--db", refDb.toString(), "--index", refIdx.toString(), in.toString());
        assertThat(ref.waitFor(120, TimeUnit.SECONDS)).isTrue();
        long cleanMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(ref.exitValue()).as(Files.readString(tmp.resolve("ref.log"))).isEqualTo(IngestCommand.SOME_FILES_FAILED);

        Path db = tmp.resolve("w.duckdb"), idx = tmp.resolve("idx");
        Path log = tmp.resolve("runs.log");
        long seed = Long.getLong("hmip.killSeed", 7L);
        Random rnd = new Random(seed);
        int killed = 0;
        for (int k = 0; k < KILLS; k++) {
            // every other run re-ingests everything (--force), so a kill also lands while documents
            // that are already loaded and indexed are being replaced
            List<String> args = new java.util.ArrayList<>(List.of("ingest", "--quiet", "--no-embed", "--threads", "2", "--db",
                    db.toString(), "--index", idx.toString(), in.toString()));
            if (k % 2 == 1) args.add(1, "--force");
            Process p = ChildJvm.start(log, Main.class, args.toArray(String[]::new));
            // somewhere between JVM start-up and the end of a clean run, whatever the machine's speed
            long delay = (long) (cleanMillis * (0.2 + 0.6 * rnd.nextDouble()));
            if (!p.waitFor(delay, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                killed++;
            }
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        Process last = ChildJvm.start(tmp.resolve("last.log"), Main.class, "ingest", "--quiet", "--no-embed", "--threads", "2", "--db", db.toString(),
                "--index", idx.toString(), in.toString());
        assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String lastRun = Files.readString(tmp.resolve("last.log"));
        assertThat(last.exitValue()).as(Files.readString(log) + lastRun).isEqualTo(IngestCommand.SOME_FILES_FAILED);
        System.out.printf("kill-and-resume (seed %d, clean run %d ms): %d of %d runs killed; then %s%n", seed,
                cleanMillis, killed, KILLS,
                lastRun.lines().filter(l -> l.startsWith("ingest run")).findFirst().orElse(lastRun));

        Map<String, Long> expected = counts(refDb);
        assertThat(counts(db)).isEqualTo(expected);
        try (Warehouse wh = Warehouse.openReadOnly(db); Statement st = wh.connection().createStatement()) {
            assertThat(one(st, "SELECT count(*) - count(DISTINCT doc_id) FROM documents")).isZero();
            assertThat(one(st, "SELECT count(*) FROM documents WHERE NOT indexed")).isZero();
            assertThat(one(st, "SELECT count(*) FROM documents d WHERE status = 'ok' AND "
                    + "(SELECT count(*) FROM pages p WHERE p.doc_id = d.doc_id) <> d.pages")).isZero();
            assertThat(one(st, "SELECT count(*) FROM documents d WHERE status = 'ok' AND "
                    + "NOT EXISTS (SELECT 1 FROM blocks b WHERE b.doc_id = d.doc_id)")).isZero();
            for (String table : Warehouse.DOCUMENT_TABLES) {
                assertThat(one(st, "SELECT count(*) FROM " + table + " t WHERE NOT EXISTS (SELECT 1 FROM documents d "
                        + "WHERE d.doc_id = t.doc_id AND d.status = 'ok')")).as("orphans in " + table).isZero();
            }
            IndexAgreement agreement = IndexAgreement.check(wh, idx);
            assertThat(agreement.agree()).as(agreement.summary()).isTrue();
            Set<String> ok = new TreeSet<>();
            try (ResultSet rs = st.executeQuery("SELECT doc_id FROM documents WHERE status = 'ok'")) {
                while (rs.next()) ok.add(rs.getString(1));
            }
            assertThat(IndexedDocuments.of(idx)).isEqualTo(ok).isEqualTo(IndexedDocuments.of(refIdx));
        }
        assertThat(passages(idx)).isEqualTo(passages(refIdx));
    }

    private static long passages(Path idx) throws Exception {
        try (var s = new hmip.search.PassageSearcher(idx)) {
            return s.passageCount();
        }
    }

    private static long one(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Row counts of every table but ingest_runs (which counts the runs themselves). */
    private static Map<String, Long> counts(Path db) throws Exception {
        try (Warehouse wh = Warehouse.openReadOnly(db)) {
            Map<String, Long> c = new LinkedHashMap<>(wh.rowCounts());
            c.remove("ingest_runs");
            return c;
        }
    }
}
