package hmip.app.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time, reported next to wall time because a benchmark machine shared with other work inflates
 * wall time: this process' own CPU (all its threads, JIT and GC included) and the CPU of its reaped
 * child processes (ingest JVM, pdftotext), the {@code cutime + cstime} of {@code /proc/self/stat}.
 */
final class CpuClock {
    /** Linux' USER_HZ; the kernel reports /proc times in these ticks (100 on every mainstream arch). */
    private static final long TICKS_PER_SECOND = 100;

    private CpuClock() {}

    /** CPU nanoseconds this JVM has used, or -1 when the platform does not say. */
    static long processNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** CPU nanoseconds of this process' terminated and waited-for children, or -1 without /proc. */
    static long childrenNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": field 3 (state) is f[0], so field n is f[n - 3]; cutime 16, cstime 17
            long ticks = Long.parseLong(f[13]) + Long.parseLong(f[14]);
            return ticks * (1_000_000_000L / TICKS_PER_SECOND);
        } catch (Exception e) {
            return -1;
        }
    }
}
