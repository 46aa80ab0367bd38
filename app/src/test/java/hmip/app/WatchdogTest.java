package hmip.app;

import static org.assertj.core.api.Assertions.assertThat;

import hmip.parse.ParseLimits;
import hmip.pipeline.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stage that hangs and ignores interrupts (as PDFBox does; here the layout stage, swapped into the pipeline) is stopped by the watchdog: its file is
 * recorded as TIMEOUT, a new worker takes the slot, and the other files still load. A stage that
 * exhausts the heap fails its own file with OUT_OF_MEMORY.
 */
class WatchdogTest {
    private static volatile boolean release;

    @Test
    void hangingFilesTimeOutAndTheBatchGoesOn(@TempDir Path tmp) throws Exception {
        byte[] small = BadInputs.firstPages(BadInputs.samples().get(1), 2);
        Path in = Files.createDirectories(tmp.resolve("in"));
        for (String name : List.of("a_ok", "hang1", "hang2", "oom", "z_ok")) Files.write(in.resolve(name + ".pdf"), small);
        hmip.layout.Layout standard = new hmip.layout.StandardLayout();
        hmip.layout.Layout hanging = parsed -> {
            if (parsed.docId().startsWith("hang")) {
                while (!release) {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException ignored) {
                        // like PDFBox: interrupts are not honoured
                    }
                }
            }
            if (parsed.docId().equals("oom")) {
                long[][] hog = new long[64][];
                for (int i = 0; i < hog.length; i++) hog[i] = new long[256 * 1024 * 1024]; // 2 GB each
            }
            return standard.layOut(parsed);
        };
        Pipeline pipeline = Pipeline.standard().withLayout(hanging);
        // warm up (class loading, JIT) so the limit measures the hang, not the JVM's first file
        Path warm = Files.write(tmp.resolve("warm.pdf"), small);
        assertThat(pipeline.process(warm)).isInstanceOf(hmip.pipeline.PipelineResult.Processed.class);
        ParseLimits limits = new ParseLimits(100L << 20, 100, 4_000, null);
        var options = new IngestJob.Options(List.of(in), tmp.resolve("w.duckdb"), tmp.resolve("idx"), 1, limits, false,
                Duration.ZERO);
        long t0 = System.nanoTime();
        IngestSummary summary;
        try {
            summary = new IngestJob(options, pipeline).run(new IngestJob.Listener() {
                @Override public void started(int files) {}
                @Override public void finished(FileOutcome outcome) {}
            });
        } finally {
            release = true;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, String> codes = summary.outcomes().stream().collect(Collectors.toMap(FileOutcome::docId,
                o -> o.status() == FileOutcome.Status.LOADED ? "ok" : o.errorCode()));
        assertThat(codes).containsEntry("a_ok", "ok").containsEntry("z_ok", "ok")
                .containsEntry("hang1", "TIMEOUT").containsEntry("hang2", "TIMEOUT")
                .containsEntry("oom", "OUT_OF_MEMORY");
        assertThat(summary.outcomes()).filteredOn(o -> "TIMEOUT".equals(o.errorCode()))
                .allSatisfy(o -> assertThat(o.message()).contains("worker abandoned"));
        // one worker slot, two hangs: each costs its limit plus the grace period, not more
        assertThat(seconds).isLessThan(2 * (4.0 + IngestJob.GRACE_MILLIS / 1000.0) + 20);
        assertThat(BadInputsTest.statuses(tmp.resolve("w.duckdb"))).containsEntry("hang1", "TIMEOUT");
    }
}
