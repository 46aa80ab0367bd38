package hmip.pipeline;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Accumulates wall-clock nanoseconds per pipeline stage across threads, for {@code hmip bench}. The
 * disabled instance ({@link #NONE}) costs one branch per stage; an enabled one a {@code nanoTime} and
 * a {@link LongAdder} add, which is safe from any number of worker threads.
 */
public final class StageTimer {
    /** The stages the benchmark reports. ENRICH is timed by whichever step adds enrichment. */
    public enum Stage { READ, PARSE, LAYOUT, EXTRACT, ENRICH, LOAD, INDEX }

    public static final StageTimer NONE = new StageTimer(false);

    private final boolean enabled;
    private final Map<Stage, LongAdder> nanos = new EnumMap<>(Stage.class);
    private final Map<Stage, LongAdder> calls = new EnumMap<>(Stage.class);
    private final Map<Stage, LongAdder> cpuNanos = new EnumMap<>(Stage.class);
    private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    /** Thread CPU time at the last mark, per thread: CPU per stage, unaffected by waiting for a core. */
    private final ThreadLocal<long[]> cpuMark = ThreadLocal.withInitial(() -> new long[1]);

    private StageTimer(boolean enabled) {
        this.enabled = enabled;
        for (Stage s : Stage.values()) {
            nanos.put(s, new LongAdder());
            calls.put(s, new LongAdder());
            cpuNanos.put(s, new LongAdder());
        }
    }

    public static StageTimer enabled() { return new StageTimer(true); }

    public boolean isEnabled() { return enabled; }

    /** A start mark for {@link #lap}. */
    public long start() {
        if (!enabled) return 0L;
        cpuMark.get()[0] = threads.getCurrentThreadCpuTime();
        return System.nanoTime();
    }

    /** Adds the time since {@code since} to {@code stage} and returns a new mark for the next stage. */
    public long lap(Stage stage, long since) {
        if (!enabled) return 0L;
        long now = System.nanoTime();
        nanos.get(stage).add(now - since);
        calls.get(stage).increment();
        long[] mark = cpuMark.get();
        long cpu = threads.getCurrentThreadCpuTime();
        cpuNanos.get(stage).add(cpu - mark[0]);
        mark[0] = cpu;
        return now;
    }

    public long nanos(Stage stage) { return nanos.get(stage).sum(); }

    public long calls(Stage stage) { return calls.get(stage).sum(); }

    /** CPU time of the threads running the stage (where the JVM measures thread CPU time). */
    public long cpuNanos(Stage stage) { return cpuNanos.get(stage).sum(); }
}
