package hmip.app.bench;
import hmip.pipeline.StageTimer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.management.GarbageCollectionNotificationInfo;
import hmip.app.FileOutcome;
import hmip.app.IngestJob;
import hmip.app.IngestSummary;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * What {@code hmip ingest --bench-stats FILE} records inside the ingest JVM for the benchmark: time
 * per stage (a {@link StageTimer}); peak heap in use (sampled every 10 ms); the live heap, measured as
 * heap in use after a full collection forced at the half-way document and again at the last document
 * finished while the pipeline is still full (the last 2 x threads documents still in flight),
 * so growth with corpus size is judged in one run (heap in use after ordinary young collections
 * includes dead objects promoted to the old generation and grows until a full collection, so it is
 * recorded too but says little); and the process' peak resident set (VmHWM). Written as JSON when
 * ingest ends. The two forced collections cost a fraction of a second and only happen under the bench.
 */
public final class IngestProbe implements AutoCloseable {
    private final Path out;
    private final StageTimer timer = StageTimer.enabled();
    private final long startNanos = System.nanoTime();
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakLive = new AtomicLong();
    private final AtomicInteger finished = new AtomicInteger();
    private volatile int files;
    private volatile long halfPeakUsed = -1, halfPeakLive = -1, halfLive = -1, endLive = -1;
    private volatile int halfDocs, endDocs, inFlightAtEnd;
    private final Thread sampler;
    private final NotificationListener gcListener = (n, h) -> {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
        var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long live = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() != MemoryType.HEAP) continue;
            MemoryUsage after = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
            if (after != null) live += after.getUsed();
        }
        peakLive.accumulateAndGet(live, Math::max);
    };

    public IngestProbe(Path out) {
        this.out = out;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) e.addNotificationListener(gcListener, null, null);
        }
        sampler = new Thread(() -> {
            var memory = ManagementFactory.getMemoryMXBean();
            while (!Thread.currentThread().isInterrupted()) {
                peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    public StageTimer timer() { return timer; }

    /** Wraps the ingest listener to take the half-way memory snapshot. */
    public IngestJob.Listener wrap(IngestJob.Listener inner, int threads) {
        inFlightAtEnd = 2 * Math.max(1, threads); // IngestJob keeps up to 2 x threads documents in flight
        return new IngestJob.Listener() {
            @Override
            public void started(int n) {
                files = n;
                inner.started(n);
            }

            @Override
            public void finished(FileOutcome outcome) {
                int done = finished.incrementAndGet();
                if (done == Math.max(1, files / 2) && halfPeakUsed < 0) {
                    halfDocs = done;
                    halfPeakUsed = Math.max(peakUsed.get(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                    halfPeakLive = peakLive.get();
                    halfLive = liveHeapAfterFullGc();
                }
                // same pipeline state as at half-way: the last documents still in flight
                if (done == Math.max(files / 2 + 1, files - inFlightAtEnd)) {
                    endDocs = done;
                    endLive = liveHeapAfterFullGc();
                }
                inner.finished(outcome);
            }
        };
    }

    private static long liveHeapAfterFullGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Writes the stats file; call after the ingest finished. */
    public void write(IngestSummary summary, int threads) throws IOException {
        peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("files", summary.outcomes().size());
        json.put("loaded", summary.count(FileOutcome.Status.LOADED));
        json.put("failed", summary.count(FileOutcome.Status.FAILED));
        json.put("unchanged", summary.count(FileOutcome.Status.UNCHANGED));
        json.put("pages", summary.pages());
        json.put("threads", threads);
        json.put("ingest_seconds", summary.seconds());
        json.put("probe_seconds", (System.nanoTime() - startNanos) / 1e9);
        Map<String, Object> stages = new LinkedHashMap<>();
        for (StageTimer.Stage s : StageTimer.Stage.values()) {
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("nanos", timer.nanos(s));
            st.put("calls", timer.calls(s));
            st.put("cpu_nanos", timer.cpuNanos(s));
            stages.put(s.name().toLowerCase(java.util.Locale.ROOT), st);
        }
        json.put("stages", stages);
        json.put("heap_max_bytes", Runtime.getRuntime().maxMemory());
        json.put("peak_heap_used_bytes", peakUsed.get());
        json.put("peak_after_gc_heap_bytes", peakLive.get());
        json.put("live_heap_bytes", endLive);
        json.put("half_live_heap_bytes", halfLive);
        json.put("live_heap_docs", endDocs);
        json.put("half_docs", halfDocs);
        json.put("half_peak_heap_used_bytes", halfPeakUsed);
        json.put("half_peak_after_gc_heap_bytes", halfPeakLive);
        json.put("gc_count", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum());
        json.put("gc_millis", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum());
        json.put("vm_hwm_bytes", procStatusBytes("VmHWM"));
        json.put("process_cpu_nanos", CpuClock.processNanos());
        Map<String, Object> threadCpu = new LinkedHashMap<>();
        var tm = ManagementFactory.getThreadMXBean();
        for (long id : tm.getAllThreadIds()) {
            var info = tm.getThreadInfo(id);
            long cpu = tm.getThreadCpuTime(id);
            if (info != null && cpu > 0) threadCpu.merge(info.getThreadName().replaceAll("\\d+", "N"), cpu, (a, b) -> (Long) a + (Long) b);
        }
        json.put("live_thread_cpu_nanos", threadCpu);
        Files.createDirectories(out.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), json);
    }

    /** A "kB" line of /proc/self/status in bytes, or -1 where there is no /proc (not Linux). */
    static long procStatusBytes(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key + ":")) {
                    String v = line.substring(key.length() + 1).trim().split("\\s+")[0];
                    return Long.parseLong(v) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no resident-set figure
        }
        return -1;
    }

    @Override
    public void close() {
        sampler.interrupt();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                try {
                    e.removeNotificationListener(gcListener);
                } catch (javax.management.ListenerNotFoundException ignored) {
                    // already gone
                }
            }
        }
    }
}
