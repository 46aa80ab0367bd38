package hmip.fetch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fetches reports, their landing pages and press releases into one folder with {@code manifest.csv}: from a list of
 * URLs ({@link #fetchUrls}: landing pages or PDFs) or from a site's listing pages ({@link #fetchSite}). Every
 * request goes through {@link PoliteHttp}; every file is written to {@code .fetch/parts/} and renamed into place
 * once whole and checked (a PDF must start with %PDF-); every URL already held is asked for only if changed, so a
 * second run downloads nothing unchanged; a partial download left by a killed run is continued (Range, If-Range).
 */
public final class Fetcher {
    /** Progress: how many items (landing pages or URLs) there are, and each one's outcome. */
    public interface Listener {
        void started(int items);

        void finished(Outcome outcome);

        Listener NONE = new Listener() {
            @Override public void started(int items) { }

            @Override public void finished(Outcome outcome) { }
        };
    }

    /** One URL's result: status downloaded | unchanged | failed, its file, and for a failure the code and reason. */
    public record Outcome(String url, String kind, String status, String file, FetchFailure failure, String reason) {
        public boolean failed() { return Manifest.FAILED.equals(status); }
    }

    /** Every URL's outcome, in order. */
    public record Summary(List<Outcome> outcomes) {
        public Summary {
            outcomes = List.copyOf(outcomes);
        }

        public List<Outcome> failures() { return outcomes.stream().filter(Outcome::failed).toList(); }

        public long count(String status) { return outcomes.stream().filter(o -> status.equals(o.status())).count(); }
    }

    static final String STATE = ".fetch";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FetchOptions options;
    private final PoliteHttp http;
    private final Manifest manifest;
    private final Listener listener;
    private final Map<String, BaseRobotRules> robots = new HashMap<>();
    private final List<Outcome> outcomes = new ArrayList<>();

    public Fetcher(FetchOptions options, Set<String> allowedHosts, Listener listener) throws IOException {
        this.options = options;
        this.http = new PoliteHttp(options, allowedHosts);
        this.manifest = Manifest.read(options.out());
        this.listener = listener == null ? Listener.NONE : listener;
        http.robots(new PoliteHttp.RobotsGate() {
            @Override public boolean allowed(URI uri) throws FetchException { return rules(uri).isAllowed(uri.toString()); }

            @Override public long crawlDelayMillis(URI uri) {
                BaseRobotRules r = robots.get(origin(uri));
                return r == null || r.getCrawlDelay() == BaseRobotRules.UNSET_CRAWL_DELAY ? 0 : Math.max(0, r.getCrawlDelay());
            }
        });
    }

    /** The hosts of a list of URLs: what {@code --urls} may fetch from. */
    public static Set<String> hostsOf(List<String> urls) {
        Set<String> hosts = new LinkedHashSet<>();
        for (String u : urls) {
            try {
                String h = URI.create(u.strip()).getHost();
                if (h != null) hosts.add(h.toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // reported as a malformed URL when fetched
            }
        }
        return hosts;
    }

    public Manifest manifest() { return manifest; }

    // ------------------------------------------------------------------ entry points

    /**
     * Each URL is a PDF (its path ends in .pdf, or the server says application/pdf) or a landing page, whose report
     * and press release are fetched with it (read with the bundled source of its host, else the first one).
     */
    public Summary fetchUrls(List<String> urls) throws IOException {
        listener.started(urls.size());
        for (String url : urls) {
            int before = outcomes.size();
            if (url.toLowerCase(Locale.ROOT).replaceFirst("[?#].*$", "").endsWith(".pdf")) {
                download(url, Manifest.REPORT, null, null, null);
            } else {
                String host = hostOrNull(url);
                landing(url, SiteConfig.forHost(host).landing());
            }
            listener.finished(itemOutcome(before, url));
        }
        return new Summary(outcomes);
    }

    /** The outcome shown for one item: its first failure, else its first outcome. */
    private Outcome itemOutcome(int from, String url) {
        List<Outcome> mine = outcomes.subList(from, outcomes.size());
        return mine.stream().filter(Outcome::failed).findFirst().orElse(mine.isEmpty()
                ? new Outcome(url, null, Manifest.UNCHANGED, null, null, null) : mine.get(0));
    }

    /** Discovers landing pages from the site's listing pages (per type and year), then fetches each. */
    public Summary fetchSite(SiteConfig site, Integer fromYear, Integer toYear, List<String> types) throws IOException {
        List<String> landings = discover(site, fromYear, toYear, types);
        listener.started(landings.size());
        for (String url : landings) {
            int before = outcomes.size();
            landing(url, site.landing());
            listener.finished(itemOutcome(before, url));
        }
        return new Summary(outcomes);
    }

    /** Landing-page URLs the listing pages link, in listing order, each once. */
    List<String> discover(SiteConfig site, Integer fromYear, Integer toYear, List<String> types) throws IOException {
        SiteConfig.Listing l = site.listing();
        List<String> years = new ArrayList<>();
        if (fromYear == null && toYear == null) {
            years.add("");
        } else {
            int from = fromYear == null ? toYear : fromYear, to = toYear == null ? Instant.now().atZone(java.time.ZoneOffset.UTC).getYear() : toYear;
            for (int y = to; y >= from; y--) years.add(Integer.toString(y)); // newest first, as the site lists them
        }
        Set<String> found = new LinkedHashSet<>();
        for (String type : types == null || types.isEmpty() ? l.types() : types) {
            for (String year : years) {
                for (int page = l.firstPage(); page < l.firstPage() + l.maxPages(); page++) {
                    String url = l.url().replace("{type}", enc(type)).replace("{page}", Integer.toString(page)).replace("{year}", year);
                    Optional<Manifest.Row> row = download(url, Manifest.LISTING, null, null, null);
                    if (row.isEmpty() || row.get().file() == null) break; // past the last page (404) or failed
                    String html = Files.readString(options.out().resolve(row.get().file()), StandardCharsets.UTF_8);
                    int before = found.size();
                    for (String link : PageReader.links(html, url, l.resultLinks())) {
                        try {
                            http.check(link);
                            found.add(link);
                        } catch (FetchException e) {
                            fail(link, Manifest.LANDING_PAGE, url, e);
                        }
                    }
                    if (found.size() == before) break; // a page with nothing new: the end of the listing
                }
            }
        }
        return new ArrayList<>(found);
    }

    /** A landing page, then the report PDF and press release it links. */
    private void landing(String url, SiteConfig.Landing rules) throws IOException {
        Optional<Manifest.Row> page = download(url, Manifest.LANDING_PAGE, null, null, null);
        if (page.isEmpty() || page.get().file() == null || Manifest.REPORT.equals(page.get().kind())) return;
        Manifest.Row row = page.get();
        String html = Files.readString(options.out().resolve(row.file()), StandardCharsets.UTF_8);
        PageReader.Landing info = PageReader.landing(html, url, rules);
        manifest.put(row.withPage(null, info.title(), info.published()));
        if (info.reportUrl() == null) {
            FetchException e = new FetchException(FetchFailure.NO_REPORT_LINK, url, "no link matches the source's report rule");
            manifest.put(manifest.get(url).orElseThrow().withStatus(row.status(), e.getMessage(), row.checkedAt()));
            outcomes.add(new Outcome(url, Manifest.REPORT, Manifest.FAILED, null, e.failure(), e.getMessage()));
        } else {
            download(info.reportUrl(), Manifest.REPORT, url, info.title(), info.published());
        }
        if (info.pressReleaseUrl() != null) {
            download(info.pressReleaseUrl(), Manifest.PRESS_RELEASE, url, null, info.published());
        }
    }

    // ------------------------------------------------------------------ one URL

    /**
     * Fetches one URL into the output folder (listing pages and robots.txt into {@code .fetch/}), asking only for a
     * changed copy when the manifest holds one, and records the outcome. Empty when the URL failed.
     */
    private Optional<Manifest.Row> download(String url, String kind, String landingUrl, String title, String published)
            throws IOException {
        try {
            return fetchOne(url, kind, landingUrl, title, published);
        } catch (FetchException e) {
            if (Manifest.LISTING.equals(kind) && e.failure() == FetchFailure.NOT_FOUND && manifest.get(url).isEmpty()) {
                return Optional.empty(); // past the last listing page: not a failure
            }
            fail(url, kind, landingUrl, e);
            return Optional.empty();
        }
    }

    private Optional<Manifest.Row> fetchOne(String url, String kind, String landingUrl, String title, String published)
            throws IOException, FetchException {
        Optional<Manifest.Row> before = manifest.get(url);
        Path part = options.out().resolve(STATE).resolve("parts").resolve(sha(url).substring(0, 24) + ".part");
        Path partMeta = part.resolveSibling(part.getFileName() + ".json");
        PoliteHttp.Validators held = before.filter(r -> r.file() != null && Files.exists(options.out().resolve(r.file())))
                .map(r -> new PoliteHttp.Validators(r.etag(), r.lastModified())).orElse(null);
        PoliteHttp.Validators partial = partialValidators(part, partMeta, url);
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        PoliteHttp.Response resp = http.get(new PoliteHttp.Request(url, held, part, partial, !Manifest.ROBOTS.equals(kind),
                v -> writePartMeta(partMeta, url, v)));
        if (resp.notModified()) {
            Manifest.Row r = before.orElseThrow();
            Manifest.Row updated = new Manifest.Row(url, landingUrl != null ? landingUrl : r.landingUrl(), r.kind(),
                    title != null ? title : r.title(), published != null ? published : r.published(), r.file(), r.sha256(),
                    r.bytes(), r.retrievedAt(), now, resp.etag() != null ? resp.etag() : r.etag(),
                    resp.lastModified() != null ? resp.lastModified() : r.lastModified(), Manifest.UNCHANGED, null);
            return Optional.of(record(updated, kind));
        }
        boolean pdf = startsWithPdfMagic(part);
        String actualKind = kind(kind, pdf);
        if (Manifest.REPORT.equals(actualKind) && !pdf) {
            Files.deleteIfExists(part);
            Files.deleteIfExists(partMeta);
            throw new FetchException(FetchFailure.NOT_A_PDF, url,
                    "content type " + resp.contentType() + ", the body does not start with %PDF-");
        }
        String sha = sha(part);
        long bytes = Files.size(part);
        String file = before.map(Manifest.Row::file).filter(f -> !f.isBlank())
                .orElseGet(() -> fileName(url, resp.finalUrl(), kind(kind, pdf), resp.contentType()));
        Path target = options.out().resolve(file);
        if (before.isPresent() && sha.equals(before.get().sha256()) && Files.exists(target)) {
            Files.deleteIfExists(part); // the server ignored the validators, but the bytes are the same
            Files.deleteIfExists(partMeta);
            Manifest.Row r = before.get();
            return Optional.of(record(new Manifest.Row(url, landingUrl != null ? landingUrl : r.landingUrl(), actualKind,
                    title != null ? title : r.title(), published != null ? published : r.published(), file, sha, bytes,
                    r.retrievedAt(), now, resp.etag(), resp.lastModified(), Manifest.UNCHANGED, null), actualKind));
        }
        Files.createDirectories(target.getParent());
        Manifest.move(part, target);
        Files.deleteIfExists(partMeta);
        return Optional.of(record(new Manifest.Row(url, landingUrl, actualKind, title, published, file, sha, bytes, now, now,
                resp.etag(), resp.lastModified(), Manifest.DOWNLOADED, null), actualKind));
    }

    /** A page asked for as a landing page that turns out to be a PDF (a --urls entry) is a report. */
    private static String kind(String asked, boolean pdf) {
        return Manifest.LANDING_PAGE.equals(asked) && pdf ? Manifest.REPORT : asked;
    }

    private Manifest.Row record(Manifest.Row row, String kind) throws IOException {
        manifest.put(row);
        if (!Manifest.LISTING.equals(kind) && !Manifest.ROBOTS.equals(kind)) {
            outcomes.add(new Outcome(row.url(), row.kind(), row.status(), row.file(), null, null));
        }
        return row;
    }

    private void fail(String url, String kind, String landingUrl, FetchException e) throws IOException {
        Optional<Manifest.Row> before = manifest.get(url);
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        // an earlier good copy stays listed (and ingestible); the row says this run could not refresh it
        Manifest.Row row = before.map(r -> r.withStatus(Manifest.FAILED, e.getMessage(), now)).orElse(
                new Manifest.Row(url, landingUrl, kind, null, null, null, null, null, null, now, null, null,
                        Manifest.FAILED, e.getMessage()));
        manifest.put(row);
        outcomes.add(new Outcome(url, kind, Manifest.FAILED, row.file(), e.failure(), e.getMessage()));
    }

    // ------------------------------------------------------------------ robots.txt

    private BaseRobotRules rules(URI uri) throws FetchException {
        String origin = origin(uri);
        BaseRobotRules r = robots.get(origin);
        if (r != null) return r;
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
        String robotsUrl = origin + "/robots.txt";
        try {
            Manifest.Row row = fetchOne(robotsUrl, Manifest.ROBOTS, null, null, null).orElseThrow();
            byte[] content = Files.readAllBytes(options.out().resolve(row.file()));
            r = parser.parseContent(robotsUrl, content, "text/plain", List.of(FetchOptions.ROBOT_NAME));
        } catch (FetchException e) {
            // crawler-commons' rules for a failed fetch: none there (4xx) allows everything; a server error or an
            // unreachable host allows nothing this run
            r = parser.failedFetch(e.failure() == FetchFailure.NOT_FOUND || e.failure() == FetchFailure.HTTP_ERROR ? 404 : 503);
            if (!r.isAllowAll()) {
                robots.put(origin, r);
                throw new FetchException(FetchFailure.DISALLOWED_BY_ROBOTS, uri.toString(),
                        "robots.txt could not be read (" + e.getMessage() + "), so nothing on " + origin + " is fetched");
            }
        } catch (IOException e) {
            r = parser.failedFetch(503);
        }
        robots.put(origin, r);
        return r;
    }

    private static String origin(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    // ------------------------------------------------------------------ files

    /**
     * The file a URL is saved as: the last path segment (reports keep their name; landing pages and press releases get
     * a landing- / press- prefix), made safe, unique within the manifest; listing pages and robots.txt under .fetch/.
     */
    private String fileName(String url, String finalUrl, String kind, String contentType) {
        if (Manifest.LISTING.equals(kind)) return STATE + "/listings/" + sha(url).substring(0, 20) + ".html";
        if (Manifest.ROBOTS.equals(kind)) {
            URI u = URI.create(url);
            return STATE + "/robots/" + u.getHost() + (u.getPort() < 0 ? "" : "_" + u.getPort()) + ".txt";
        }
        String path = URI.create(finalUrl).getPath();
        String[] segments = path == null ? new String[0] : path.split("/");
        String last = "";
        for (String s : segments) if (!s.isBlank()) last = s;
        last = URLDecoder.decode(last, StandardCharsets.UTF_8).replaceFirst("(?i)\\.(pdf|html?|php|aspx?)$", "");
        String stem = last.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._-]+", "");
        if (stem.isEmpty()) stem = "index";
        if (stem.length() > 80) stem = stem.substring(0, 80);
        String ext = Manifest.REPORT.equals(kind) ? ".pdf"
                : contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/plain") ? ".txt" : ".html";
        String prefix = Manifest.LANDING_PAGE.equals(kind) ? "landing-" : Manifest.PRESS_RELEASE.equals(kind) ? "press-" : "";
        String name = prefix + stem + ext;
        if (manifest.fileTakenByOther(name, url) || Files.exists(options.out().resolve(name))) {
            name = prefix + stem + "-" + sha(url).substring(0, 8) + ext;
        }
        return name;
    }

    private static boolean startsWithPdfMagic(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(1024);
            String s = new String(head, StandardCharsets.ISO_8859_1);
            return s.contains("%PDF-") && s.indexOf("%PDF-") < 1024;
        }
    }

    /** The validators of a partial download of this URL left by an earlier, interrupted run. */
    private static PoliteHttp.Validators partialValidators(Path part, Path meta, String url) throws IOException {
        if (!Files.exists(part) || Files.size(part) == 0 || !Files.exists(meta)) return null;
        try {
            var node = JSON.readTree(meta.toFile());
            if (!url.equals(node.path("url").asText())) return null;
            String etag = node.hasNonNull("etag") ? node.get("etag").asText() : null;
            String lm = node.hasNonNull("last_modified") ? node.get("last_modified").asText() : null;
            PoliteHttp.Validators v = new PoliteHttp.Validators(etag, lm);
            return v.any() ? v : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Notes which URL a part file belongs to and, once the response arrived, its validators (for resuming). */
    private static void writePartMeta(Path meta, String url, PoliteHttp.Validators v) {
        try {
            writeMeta(meta, url, v);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void writeMeta(Path meta, String url, PoliteHttp.Validators v) throws IOException {
        Files.createDirectories(meta.getParent());
        ObjectNode n = JSON.createObjectNode();
        n.put("url", url);
        n.put("etag", v == null ? null : v.etag());
        n.put("last_modified", v == null ? null : v.lastModified());
        Path tmp = meta.resolveSibling(meta.getFileName() + ".tmp");
        Files.writeString(tmp, JSON.writeValueAsString(n));
        Manifest.move(tmp, meta);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String hostOrNull(String url) {
        try {
            return URI.create(url.strip()).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String sha(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
