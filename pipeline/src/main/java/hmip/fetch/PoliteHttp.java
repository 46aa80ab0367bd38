package hmip.fetch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * GET requests the way a guest should make them, one at a time: http(s) only, only to the allowed hosts (redirects
 * are followed by hand so each hop is checked), robots.txt obeyed, at least {@code delay} between requests to one
 * host (longer when robots.txt asks), a User-Agent naming hmip, connect and read timeouts (the read timeout also
 * bounds silence while a body streams), retries with doubling backoff after network errors, timeouts and 5xx, 429
 * and 503 honouring Retry-After, a size limit checked before and while downloading, conditional requests
 * (If-None-Match, If-Modified-Since) and resumed downloads (Range with If-Range) into a caller-given part file.
 */
public final class PoliteHttp {
    /** What robots.txt says about a URL; provided by the caller, which fetches and caches robots.txt files. */
    public interface RobotsGate {
        boolean allowed(URI uri) throws FetchException;

        /** Crawl-delay asked for the URL's host, in milliseconds (0 when none). */
        long crawlDelayMillis(URI uri);
    }

    /** Validators of the copy already held, sent to ask "only if changed". */
    public record Validators(String etag, String lastModified) {
        static final Validators NONE = new Validators(null, null);

        boolean any() { return etag != null || lastModified != null; }
    }

    /** One GET: where to write the body, the held copy's validators, and a partial body to continue. */
    public record Request(String url, Validators ifChanged, Path part, Validators partValidators, boolean checkRobots,
                          java.util.function.Consumer<Validators> onNewBody) {}

    /**
     * The outcome of a GET: {@code notModified} (304: the held copy is current) or the body in the part file
     * ({@code bytes} in all, {@code resumed} when it continued an earlier part).
     */
    public record Response(String finalUrl, int status, boolean notModified, String contentType, long bytes,
                           String etag, String lastModified, boolean resumed) {}

    private static final int MAX_REDIRECTS = 5;
    /** Longest Crawl-delay honoured; a site asking for more is fetched at this pace. */
    static final long MAX_CRAWL_DELAY_MILLIS = 60_000;

    private final FetchOptions options;
    private final Set<String> allowedHosts;
    private final HttpClient client;
    private final Map<String, Long> lastRequestNanos = new ConcurrentHashMap<>();
    private RobotsGate robots;

    public PoliteHttp(FetchOptions options, Set<String> allowedHosts) {
        this.options = options;
        this.allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
        // HTTP/1.1: one request per connection exchange, no h2c upgrade attempts on plain http
        this.client = HttpClient.newBuilder().connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    public void robots(RobotsGate gate) { this.robots = gate; }

    public Set<String> allowedHosts() { return Set.copyOf(allowedHosts); }

    /** Checks a URL before anything is sent: scheme and host. */
    public URI check(String url) throws FetchException {
        URI uri;
        try {
            uri = URI.create(url.strip()).normalize();
        } catch (IllegalArgumentException e) {
            throw new FetchException(FetchFailure.UNSUPPORTED_SCHEME, url, "malformed URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException(FetchFailure.UNSUPPORTED_SCHEME, url, scheme.isEmpty() ? "no scheme" : scheme + ":");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!allowedHosts.contains(host)) {
            throw new FetchException(FetchFailure.OFF_SITE, url, (host.isEmpty() ? "no host" : host) + " is not one of "
                    + String.join(", ", new java.util.TreeSet<>(allowedHosts)));
        }
        return uri;
    }

    /** Runs one GET with retries; throws {@link FetchException} with a specific reason when it cannot. */
    public Response get(Request req) throws FetchException, IOException {
        String lastProblem = null;
        Validators partValidators = req.partValidators();
        for (int attempt = 0; attempt <= options.retries(); attempt++) {
            Exchange ex;
            try {
                ex = exchange(req, partValidators);
            } catch (Transient t) {
                lastProblem = t.getMessage();
                // a body cut off midway is continued on the next attempt, when the server gave a validator
                Validators v = t.validators;
                partValidators = v != null && v.any() && Files.exists(req.part()) && Files.size(req.part()) > 0 ? v : null;
                if (attempt < options.retries()) sleep(backoff(attempt));
                continue;
            }
            int s = ex.status;
            if (s == 200 || s == 206) {
                return new Response(ex.uri.toString(), s, false, header(ex.headers, "content-type"), ex.bytes,
                        header(ex.headers, "etag"), header(ex.headers, "last-modified"), s == 206);
            }
            if (s == 304) {
                return new Response(ex.uri.toString(), s, true, null, 0, header(ex.headers, "etag"),
                        header(ex.headers, "last-modified"), false);
            }
            if (s == 404 || s == 410) throw new FetchException(FetchFailure.NOT_FOUND, req.url(), "HTTP " + s);
            if (s == 429 || s >= 500) {
                lastProblem = "HTTP " + s;
                if (attempt == options.retries()) break;
                Duration wait = backoff(attempt);
                Optional<Duration> retryAfter = retryAfter(header(ex.headers, "retry-after"));
                if ((s == 429 || s == 503) && retryAfter.isPresent()) {
                    if (retryAfter.get().compareTo(options.maxRetryAfter()) > 0) {
                        throw new FetchException(FetchFailure.GAVE_UP, req.url(), "HTTP " + s + " with Retry-After "
                                + retryAfter.get().toSeconds() + " s, longer than the " + options.maxRetryAfter().toSeconds() + " s limit");
                    }
                    wait = retryAfter.get();
                }
                sleep(wait);
                continue;
            }
            throw new FetchException(FetchFailure.HTTP_ERROR, req.url(), "HTTP " + s);
        }
        throw new FetchException(FetchFailure.GAVE_UP, req.url(), (options.retries() + 1) + " attempts, last: " + lastProblem);
    }

    /** A failure worth another attempt (network error, timeout, stalled or cut-off body). */
    private static final class Transient extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Validators validators;

        Transient(String message, Validators validators) {
            super(message);
            this.validators = validators;
        }
    }

    private record Exchange(URI uri, int status, HttpHeaders headers, long bytes) {}

    /** One request, following redirects by hand; the body of a 200/206 goes to the part file. */
    private Exchange exchange(Request req, Validators partValidators) throws FetchException, IOException, Transient {
        URI uri = check(req.url());
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            if (req.checkRobots() && robots != null && !robots.allowed(uri)) {
                throw new FetchException(FetchFailure.DISALLOWED_BY_ROBOTS, uri.toString(), null);
            }
            waitTurn(uri);
            long have = partValidators != null && Files.exists(req.part()) ? Files.size(req.part()) : 0;
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().timeout(options.readTimeout())
                    .header("User-Agent", options.userAgent()).header("Accept", "text/html,application/pdf,text/plain;q=0.9,*/*;q=0.5");
            if (have > 0) {
                b.header("Range", "bytes=" + have + "-");
                b.header("If-Range", partValidators.etag() != null ? partValidators.etag() : partValidators.lastModified());
            } else if (req.ifChanged() != null) {
                if (req.ifChanged().etag() != null) b.header("If-None-Match", req.ifChanged().etag());
                if (req.ifChanged().lastModified() != null) b.header("If-Modified-Since", req.ifChanged().lastModified());
            }
            ToFile[] body = new ToFile[1];
            HttpResponse.BodyHandler<Long> handler = info -> {
                int s = info.statusCode();
                if (s != 200 && s != 206) return HttpResponse.BodySubscribers.replacing(0L);
                boolean append = s == 206 && have > 0 && contentRangeStart(info.headers()) == have;
                long already = append ? have : 0;
                long declared = info.headers().firstValueAsLong("content-length").orElse(-1);
                Validators v = new Validators(header(info.headers(), "etag"), header(info.headers(), "last-modified"));
                // noted before the body streams, so a run killed midway can continue this body later
                if (!append && req.onNewBody() != null) req.onNewBody().accept(v);
                body[0] = new ToFile(req.part(), append, options.maxBytes() - already, declared, v);
                return body[0];
            };
            CompletableFuture<HttpResponse<Long>> future = client.sendAsync(b.build(), handler);
            HttpResponse<Long> resp = await(future, body, uri);
            int s = resp.statusCode();
            if (s >= 300 && s < 400 && s != 304) {
                String location = header(resp.headers(), "location");
                if (location == null) throw new FetchException(FetchFailure.HTTP_ERROR, uri.toString(), "HTTP " + s + " without Location");
                uri = check(uri.resolve(location).toString());
                partValidators = null;
                continue;
            }
            if (s == 206 && (body[0] == null || !body[0].append)) {
                Files.deleteIfExists(req.part()); // a range we did not ask for, or not where our part ends: start again
                throw new Transient("HTTP 206 for a range that does not continue the partial file", null);
            }
            long total = s == 206 ? have + resp.body() : resp.body();
            return new Exchange(uri, s, resp.headers(), total);
        }
        throw new FetchException(FetchFailure.TOO_MANY_REDIRECTS, req.url(), "more than " + MAX_REDIRECTS);
    }

    /** Waits for a response, giving up when the headers or the streaming body go silent for the read timeout. */
    private HttpResponse<Long> await(CompletableFuture<HttpResponse<Long>> future, ToFile[] body, URI uri)
            throws FetchException, IOException, Transient {
        long silence = options.readTimeout().toNanos();
        long poll = Math.max(5, Math.min(250, options.readTimeout().toMillis() / 4));
        while (true) {
            try {
                return future.get(poll, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                ToFile f = body[0];
                if (f != null && System.nanoTime() - f.lastProgress > silence) {
                    f.cancel();
                    future.cancel(true);
                    throw new Transient("no data for " + options.readTimeout().toMillis() + " ms while downloading", f.validators());
                }
            } catch (InterruptedException e) {
                future.cancel(true);
                if (body[0] != null) body[0].cancel();
                Thread.currentThread().interrupt();
                throw new IOException("fetch interrupted", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof TooLarge t) throw new FetchException(FetchFailure.TOO_LARGE, uri.toString(), t.getMessage());
                if (c instanceof HttpTimeoutException) {
                    throw new Transient("no response within " + options.readTimeout().toMillis() + " ms", null);
                }
                if (c instanceof IOException io) {
                    ToFile f = body[0];
                    throw new Transient(io.getClass().getSimpleName() + ": " + io.getMessage(), f == null ? null : f.validators());
                }
                throw new IOException(c);
            }
        }
    }

    private void waitTurn(URI uri) throws IOException {
        String host = uri.getHost().toLowerCase(Locale.ROOT) + ":" + uri.getPort();
        long gap = Math.max(options.delay().toNanos(),
                TimeUnit.MILLISECONDS.toNanos(robots == null ? 0 : Math.min(MAX_CRAWL_DELAY_MILLIS, robots.crawlDelayMillis(uri))));
        Long last = lastRequestNanos.get(host);
        if (last != null) {
            long wait = last + gap - System.nanoTime();
            if (wait > 0) sleep(Duration.ofNanos(wait));
        }
        lastRequestNanos.put(host, System.nanoTime());
    }

    private Duration backoff(int attempt) {
        return options.backoff().multipliedBy(1L << Math.min(attempt, 10));
    }

    private static void sleep(Duration d) throws IOException {
        try {
            Thread.sleep(Math.max(0, d.toMillis()), (int) (d.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("fetch interrupted", e);
        }
    }

    /** Retry-After as seconds or an HTTP date. */
    static Optional<Duration> retryAfter(String value) {
        if (value == null || value.isBlank()) return Optional.empty();
        String v = value.strip();
        if (v.matches("\\d{1,9}")) return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static long contentRangeStart(HttpHeaders h) {
        String cr = header(h, "content-range");
        if (cr == null) return -1;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("bytes\\s+(\\d+)-").matcher(cr);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    static String header(HttpHeaders h, String name) {
        List<String> v = h.allValues(name);
        return v.isEmpty() ? null : v.get(0);
    }

    /** The body exceeded (or declared more than) the size limit. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) { super(message); }
    }

    /** Streams a response body into the part file, counting bytes against the limit and noting progress. */
    private static final class ToFile implements HttpResponse.BodySubscriber<Long> {
        final boolean append;
        private final Path file;
        private final long limit;
        private final long declared;
        private final CompletableFuture<Long> result = new CompletableFuture<>();
        private FileChannel channel;
        private Flow.Subscription subscription;
        private volatile long written;
        volatile long lastProgress = System.nanoTime();
        private final Validators validators;

        ToFile(Path file, boolean append, long limit, long declared, Validators validators) {
            this.file = file;
            this.append = append;
            this.limit = limit;
            this.declared = declared;
            this.validators = validators;
        }

        Validators validators() { return validators; }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (declared > limit) {
                s.cancel();
                result.completeExceptionally(new TooLarge(declared + " bytes declared, limit " + limit));
                return;
            }
            try {
                Files.createDirectories(file.getParent());
                channel = append ? FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
                        : FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            } catch (IOException e) {
                s.cancel();
                result.completeExceptionally(e);
                return;
            }
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            try {
                for (ByteBuffer bb : items) while (bb.hasRemaining()) written += channel.write(bb);
                lastProgress = System.nanoTime();
                if (written > limit) {
                    subscription.cancel();
                    close();
                    result.completeExceptionally(new TooLarge("more than " + limit + " bytes"));
                    return;
                }
                subscription.request(1);
            } catch (IOException e) {
                subscription.cancel();
                close();
                result.completeExceptionally(e);
            }
        }

        @Override
        public void onError(Throwable t) {
            close();
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            close();
            result.complete(written);
        }

        @Override
        public java.util.concurrent.CompletionStage<Long> getBody() { return result; }

        void cancel() {
            if (subscription != null) subscription.cancel();
            close();
            result.completeExceptionally(new IOException("cancelled"));
        }

        private synchronized void close() {
            try {
                if (channel != null && channel.isOpen()) channel.close();
            } catch (IOException e) {
                // the part file is checked (size, hash) before it is used
            }
        }
    }
}
