package hmip.fetch;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How politely and safely to fetch. Defaults are for the live site ({@link #defaults}); tests shorten the waits.
 *
 * @param out            output folder (manifest.csv, the files; fetch state in its hidden {@code .fetch/} folder)
 * @param delay          least time between two requests to one host (robots.txt's Crawl-delay wins when longer)
 * @param connectTimeout TCP/TLS connect limit
 * @param readTimeout    limit for the response headers, and for any silence while the body streams
 * @param retries        further attempts after a network error, a timeout, a 5xx or a 429
 * @param backoff        first wait before a retry; doubled at each further retry
 * @param maxRetryAfter  longest Retry-After (429/503) honoured; a longer one gives up on the URL
 * @param maxBytes       files larger than this are refused ("too large")
 * @param userAgent      sent with every request (robots.txt groups are matched on its product token, "hmip")
 */
public record FetchOptions(Path out, Duration delay, Duration connectTimeout, Duration readTimeout, int retries,
                           Duration backoff, Duration maxRetryAfter, long maxBytes, String userAgent) {
    public static final String ROBOT_NAME = "hmip";

    /** The live-site settings: 1 s between requests, 30 s timeouts, 3 retries from 2 s, Retry-After up to 5 min, 100 MB. */
    public static FetchOptions defaults(Path out, String version, String contact) {
        return new FetchOptions(out, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(30), 3,
                Duration.ofSeconds(2), Duration.ofMinutes(5), 100L * 1024 * 1024, userAgent(version, contact));
    }

    /** "hmip/0.1.0 (+HM Inspectorate of Probation reports research pipeline; contact: X)". */
    public static String userAgent(String version, String contact) {
        return ROBOT_NAME + "/" + version + " (+HM Inspectorate of Probation reports research pipeline"
                + (contact == null || contact.isBlank() ? "" : "; contact: " + contact.strip()) + ")";
    }

    public FetchOptions withDelay(Duration d) {
        return new FetchOptions(out, d, connectTimeout, readTimeout, retries, backoff, maxRetryAfter, maxBytes, userAgent);
    }

    public FetchOptions withTimings(Duration delay, Duration readTimeout, Duration backoff, Duration maxRetryAfter) {
        return new FetchOptions(out, delay, connectTimeout, readTimeout, retries, backoff, maxRetryAfter, maxBytes, userAgent);
    }

    public FetchOptions withMaxBytes(long bytes) {
        return new FetchOptions(out, delay, connectTimeout, readTimeout, retries, backoff, maxRetryAfter, bytes, userAgent);
    }

    public FetchOptions withRetries(int n) {
        return new FetchOptions(out, delay, connectTimeout, readTimeout, n, backoff, maxRetryAfter, maxBytes, userAgent);
    }
}
