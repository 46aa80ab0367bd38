package hmip.parse;

/**
 * A per-file time budget that parsing code checks cooperatively. The worker that processes a file
 * {@linkplain #start starts} one on its own thread; the PDF byte source, the PDF content-stream loop,
 * Tika's content handler and the OCR process wait all call {@link #check()}, which throws
 * {@link ParseCancelledException} once the budget is spent or a watchdog has {@linkplain #cancel
 * cancelled} it. The check is sticky: library code that swallows the exception meets it again at the
 * next check.
 *
 * <p>PDFBox and Tika ignore thread interrupts, so this is how a slow parse stops itself; a parse stuck
 * somewhere that never reaches a check is abandoned by the ingest watchdog instead (see
 * {@code docs/robustness.md}).
 */
public final class Deadline implements AutoCloseable {
    private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

    private final long deadlineNanos;
    private final long timeoutMillis;
    private volatile boolean cancelled;

    private Deadline(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
        this.deadlineNanos = System.nanoTime() + Math.max(1, timeoutMillis) * 1_000_000L;
    }

    /** Starts a budget for the current thread; close it when the file is done. */
    public static Deadline start(long timeoutMillis) {
        Deadline d = new Deadline(timeoutMillis);
        CURRENT.set(d);
        return d;
    }

    /** The budget of the current thread, or null outside a worker. */
    public static Deadline current() { return CURRENT.get(); }

    /** Throws if the current thread's budget is spent or cancelled; a no-op outside a worker. */
    public static void check() {
        Deadline d = CURRENT.get();
        if (d != null && d.expired()) throw new ParseCancelledException(d.timeoutMillis, d.cancelled);
    }

    /** Milliseconds left for the current thread, or {@code fallback} outside a worker. */
    public static long remainingMillis(long fallback) {
        Deadline d = CURRENT.get();
        return d == null ? fallback : Math.max(0, (d.deadlineNanos - System.nanoTime()) / 1_000_000L);
    }

    public boolean expired() { return cancelled || System.nanoTime() - deadlineNanos > 0; }

    /** Called by a watchdog thread: the worker stops at its next check. */
    public void cancel() { cancelled = true; }

    public long timeoutMillis() { return timeoutMillis; }

    @Override
    public void close() {
        if (CURRENT.get() == this) CURRENT.remove();
    }

    /** Thrown from inside a parser when the file's time budget is spent. */
    public static final class ParseCancelledException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ParseCancelledException(long timeoutMillis, boolean cancelled) {
            super((cancelled ? "stopped by the watchdog after " : "stopped after ") + timeoutMillis + " ms");
        }
    }
}
