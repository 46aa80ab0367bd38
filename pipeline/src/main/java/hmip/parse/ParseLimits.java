package hmip.parse;

/**
 * Bounds applied to every file. Defaults suit published inspection reports (tens of pages, a few MB)
 * with generous headroom; all are configurable from the CLI.
 */
public record ParseLimits(long maxBytes, int maxPages, long timeoutMillis, String password) {
    public static final ParseLimits DEFAULT = new ParseLimits(100L * 1024 * 1024, 1_000, 120_000, null);

    public ParseLimits withPassword(String pw) { return new ParseLimits(maxBytes, maxPages, timeoutMillis, pw); }
}
