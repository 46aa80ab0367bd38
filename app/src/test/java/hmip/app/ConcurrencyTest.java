package hmip.app;

import static org.assertj.core.api.Assertions.assertThat;

import hmip.load.Warehouse;
import hmip.search.PassageIndex;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One writer at a time: a second ingest on a warehouse another process writes gets a one-line message
 * and exit status 4 (or waits with --wait), readers get a clear message while a writer is active, and
 * work together while nothing writes; a second writer on the same index folder is refused the same way.
 */
class ConcurrencyTest {
    @Test
    void secondWriterAndReadersGetClearMessages(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.write(in.resolve("a.pdf"), BadInputs.firstPages(BadInputs.samples().get(0), 1));
        Path db = tmp.resolve("w.duckdb"), idx = tmp.resolve("idx");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(BadInputsTest.run(out, "ingest", "--quiet", "--no-embed", "--db", db.toString(), "--index", idx.toString(),
                in.toString())).as(out.toString(StandardCharsets.UTF_8)).isZero();

        Process holder = ChildJvm.start(tmp.resolve("holder.log"), HoldWarehouse.class, db.toString(), "60000");
        try {
            waitFor(tmp.resolve("holder.log"), "holding", holder);

            out.reset();
            int rc = BadInputsTest.run(out, "ingest", "--quiet", "--no-embed", "--db", db.toString(), "--index", idx.toString(),
                    in.toString());
            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(rc).as(printed).isEqualTo(IngestCommand.BUSY);
            assertThat(printed).contains("ingest: warehouse").contains("in use by another process")
                    .doesNotContain("\tat ");

            out.reset();
            long t0 = System.nanoTime();
            rc = BadInputsTest.run(out, "ingest", "--quiet", "--no-embed", "--wait", "1", "--db", db.toString(), "--index",
                    idx.toString(), in.toString());
            assertThat(rc).isEqualTo(IngestCommand.BUSY);
            assertThat((System.nanoTime() - t0) / 1e9).isGreaterThanOrEqualTo(1.0);

            out.reset();
            rc = BadInputsTest.run(out, "stats", "--db", db.toString(), "--index", idx.toString());
            assertThat(rc).isEqualTo(IngestCommand.BUSY);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("being written by another process");

            // --wait outlasts the other writer: it goes ahead once the file is free
            holder.getOutputStream().close();
            out.reset();
            rc = BadInputsTest.run(out, "ingest", "--quiet", "--no-embed", "--wait", "60", "--db", db.toString(), "--index",
                    idx.toString(), in.toString());
            assertThat(rc).as(out.toString(StandardCharsets.UTF_8)).isZero();
        } finally {
            holder.destroyForcibly();
            holder.waitFor(10, TimeUnit.SECONDS);
        }

        // readers together, while nothing writes
        try (Warehouse r1 = Warehouse.openReadOnly(db); Warehouse r2 = Warehouse.openReadOnly(db)) {
            assertThat(r1.rowCounts().get("documents")).isEqualTo(1L);
            assertThat(r2.rowCounts().get("documents")).isEqualTo(1L);
            out.reset();
            assertThat(BadInputsTest.run(out, "search", "--index", idx.toString(), "probation")).isZero();
        }

        // a second writer on the index folder (another warehouse): same kind of message
        try (PassageIndex held = new PassageIndex(idx)) {
            out.reset();
            int rc = BadInputsTest.run(out, "ingest", "--quiet", "--no-embed", "--db", tmp.resolve("other.duckdb").toString(),
                    "--index", idx.toString(), in.toString());
            assertThat(rc).isEqualTo(IngestCommand.BUSY);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("index").contains("in use by another process");
        }
    }

    private static void waitFor(Path log, String line, Process p) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until) {
            if (Files.exists(log) && Files.readString(log).contains(line)) return;
            if (!p.isAlive()) throw new AssertionError("helper exited: " + Files.readString(log));
            Thread.sleep(100);
        }
        throw new AssertionError("helper did not start: " + Files.readString(log));
    }
}
