package hmip.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small website on 127.0.0.1 for the fetch tests (the JDK's HttpServer): resources with ETag and Last-Modified,
 * 304 for a matching If-None-Match / If-Modified-Since, 206 for Range (with If-Range), and misbehaviours on demand:
 * a 429 or 503 with Retry-After, a slow response, a redirect, a body cut off midway, a body that stalls until
 * released. Every request is recorded (method, path and query, headers, status, time).
 */
final class FixtureSite implements AutoCloseable {
    record Req(String target, Map<String, String> headers, int status, long nanos) {
        String header(String name) { return headers.get(name.toLowerCase(Locale.ROOT)); }

        boolean conditional() { return header("if-none-match") != null || header("if-modified-since") != null; }
    }

    /** A served resource; {@code misbehave} is consulted before it is served normally. */
    static final class Resource {
        volatile byte[] body;
        final String type;
        volatile String etag;
        volatile String lastModified;
        volatile Misbehaviour misbehave;

        Resource(byte[] body, String type, int version) {
            this.body = body;
            this.type = type;
            stamp(version);
        }

        void stamp(int version) {
            etag = "\"v" + version + "-" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
            lastModified = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    ZonedDateTime.of(2023, 7, 1, 9, 0, 0, 0, ZoneOffset.UTC).plusDays(version));
        }
    }

    /** Returns true when it answered the request itself. {@code n} counts this resource's requests from 1. */
    interface Misbehaviour {
        boolean handle(HttpExchange ex, Resource r, int n) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fixture-site");
        t.setDaemon(true);
        return t;
    });
    final List<Req> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final AtomicInteger versions = new AtomicInteger();

    FixtureSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    String base() { return "http://127.0.0.1:" + server.getAddress().getPort(); }

    String url(String target) { return base() + target; }

    Resource put(String target, String type, byte[] body) {
        Resource r = new Resource(body, type, versions.incrementAndGet());
        resources.put(target, r);
        return r;
    }

    Resource html(String target, String html) { return put(target, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8)); }

    /** Replaces a resource's bytes: a new ETag and a later Last-Modified. */
    void change(String target, byte[] body) {
        Resource r = resources.get(target);
        r.body = body;
        r.stamp(versions.incrementAndGet());
    }

    /** Requests that arrived for a target (counted on arrival: a slow one may still be being answered). */
    int arrivals(String target) {
        AtomicInteger n = counts.get(target);
        return n == null ? 0 : n.get();
    }

    List<Req> requestsFor(String target) {
        synchronized (requests) {
            return requests.stream().filter(q -> q.target().equals(target)).toList();
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        String target = ex.getRequestURI().getRawPath() + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
        Map<String, String> headers = new java.util.HashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
        int[] status = {0};
        try {
            Resource r = resources.get(target);
            int n = counts.computeIfAbsent(target, k -> new AtomicInteger()).incrementAndGet();
            if (r == null) {
                status[0] = 404;
                send(ex, 404, "text/html", "<html><body>Not found</body></html>".getBytes(StandardCharsets.UTF_8), Map.of());
                return;
            }
            if (r.misbehave != null && r.misbehave.handle(ex, r, n)) {
                status[0] = ex.getResponseCode();
                return;
            }
            status[0] = serve(ex, r, headers);
        } finally {
            requests.add(new Req(target, headers, status[0] == 0 ? ex.getResponseCode() : status[0], System.nanoTime()));
            ex.close();
        }
    }

    private static int serve(HttpExchange ex, Resource r, Map<String, String> h) throws IOException {
        Map<String, String> validators = Map.of("ETag", r.etag, "Last-Modified", r.lastModified);
        String inm = h.get("if-none-match"), ims = h.get("if-modified-since");
        if ((inm != null && inm.equals(r.etag)) || (inm == null && ims != null && ims.equals(r.lastModified))) {
            send(ex, 304, null, null, validators);
            return 304;
        }
        String range = h.get("range"), ifRange = h.get("if-range");
        byte[] body = r.body;
        if (range != null && range.startsWith("bytes=") && (ifRange == null || ifRange.equals(r.etag) || ifRange.equals(r.lastModified))) {
            int from = Integer.parseInt(range.substring(6, range.indexOf('-')));
            if (from < body.length) {
                byte[] rest = java.util.Arrays.copyOfRange(body, from, body.length);
                Map<String, String> hs = new java.util.HashMap<>(validators);
                hs.put("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
                send(ex, 206, r.type, rest, hs);
                return 206;
            }
        }
        send(ex, 200, r.type, body, validators);
        return 200;
    }

    static void send(HttpExchange ex, int status, String type, byte[] body, Map<String, String> headers) throws IOException {
        if (type != null) ex.getResponseHeaders().set("Content-Type", type);
        headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        if (body == null || status == 304) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    // ------------------------------------------------------------------ misbehaviours

    /** The first {@code times} requests get {@code status} with Retry-After {@code seconds}. */
    static Misbehaviour busy(int status, int times, String retryAfter) {
        return (ex, r, n) -> {
            if (n > times) return false;
            send(ex, status, "text/plain", "busy".getBytes(StandardCharsets.UTF_8), Map.of("Retry-After", retryAfter));
            return true;
        };
    }

    /** The first {@code times} requests wait {@code millis} before answering (slower than the client's timeout). */
    static Misbehaviour slow(int times, long millis) {
        return (ex, r, n) -> {
            if (n > times) return false;
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false; // then served normally (the client has given up on it by then)
        };
    }

    /** Always answers with a redirect to {@code location}. */
    static Misbehaviour redirect(int status, String location) {
        return (ex, r, n) -> {
            send(ex, status, null, null, Map.of("Location", location));
            return true;
        };
    }

    /** The first request sends half the body and then drops the connection. */
    static Misbehaviour cutOffOnce() {
        return (ex, r, n) -> {
            if (n > 1) return false;
            ex.getResponseHeaders().set("Content-Type", r.type);
            ex.getResponseHeaders().set("ETag", r.etag);
            ex.getResponseHeaders().set("Last-Modified", r.lastModified);
            ex.sendResponseHeaders(200, r.body.length);
            OutputStream out = ex.getResponseBody();
            out.write(r.body, 0, r.body.length / 2);
            out.flush();
            throw new IOException("fixture: connection dropped midway"); // the server closes the connection
        };
    }

    /** The first request sends half the body, signals {@code halfSent}, then hangs until {@code release}. */
    static Misbehaviour stallOnce(CountDownLatch halfSent, CountDownLatch release) {
        return (ex, r, n) -> {
            if (n > 1) return false;
            ex.getResponseHeaders().set("Content-Type", r.type);
            ex.getResponseHeaders().set("ETag", r.etag);
            ex.sendResponseHeaders(200, r.body.length);
            OutputStream out = ex.getResponseBody();
            out.write(r.body, 0, r.body.length / 2);
            out.flush();
            halfSent.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("fixture: stalled request released");
        };
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
