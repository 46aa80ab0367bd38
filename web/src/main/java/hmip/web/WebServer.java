package hmip.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import hmip.enrich.Taxonomy;
import hmip.model.Passage;
import hmip.reference.Reference;
import hmip.trends.TrendDefinition;
import hmip.trends.TrendFilter;
import hmip.trends.TrendTable;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local web server: pages and JSON API over a read-only warehouse and index. Binds to 127.0.0.1
 * unless told otherwise. Errors reach the client as a status and a one-line message, never a stack
 * trace; unexpected ones are logged here and shown as a plain 500.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 7070;

    /** Where the data is and where to listen. {@code home} resolves relative source paths in the warehouse. */
    public record Options(Path db, Path index, Path home, String host, int port, TrendSource trends) {
        public Options {
            if (host == null) host = DEFAULT_HOST;
            if (trends == null) trends = TrendSource.STANDARD;
        }
    }

    private final Options options;
    private final WarehouseReader wh;
    private final SearchBackend search;
    private final Javalin app;
    private final ObjectMapper json;
    private final boolean loopbackOnly;
    /** Facet values the warehouse knows; it does not change while the server holds it read-only. */
    private final java.util.Set<String> regions = new java.util.TreeSet<>();
    private final java.util.Set<String> addressees = new java.util.TreeSet<>();
    private final java.util.Set<String> providers = new java.util.TreeSet<>();
    /**
     * Frameworks and document types: the reference's (which name the types every framework gives its
     * documents) and any the warehouse holds (loaded with other reference data, {@code ingest --reference}).
     */
    private final List<String> frameworks = new ArrayList<>();
    private final List<String> docTypes = new ArrayList<>();
    /** Theme id → label, in taxonomy order ({@code data/themes/taxonomy.json}). */
    private final Map<String, String> themes;

    private WebServer(Options options, WarehouseReader wh, SearchBackend search) {
        this.options = options;
        this.wh = wh;
        this.search = search;
        this.themes = themeLabels();
        this.loopbackOnly = isLoopback(options.host());
        this.json = new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT);
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(json, false));
            config.router.ignoreTrailingSlashes = true;
            config.http.generateEtags = false;
            config.staticFiles.add(sf -> {
                sf.hostedPath = "/assets";
                sf.directory = "/hmip/web/assets";
                sf.location = Location.CLASSPATH;
            });
            config.jetty.modifyServer(server -> server.setErrorHandler(new QuietErrorHandler()));
            config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new QuietErrorHandler()));
        });
        routes();
    }

    private void loadFacetValues() throws SQLException {
        java.util.Set<String> fw = new java.util.LinkedHashSet<>();
        Reference.bundled().frameworks().forEach(f -> fw.add(f.id()));
        for (Row r : wh.query("SELECT DISTINCT framework FROM ref_standards ORDER BY 1")) fw.add(r.str("framework"));
        frameworks.addAll(fw);
        java.util.Set<String> types = new java.util.LinkedHashSet<>(Reference.bundled().documentTypes());
        for (Row r : wh.query("SELECT DISTINCT doc_type FROM documents WHERE doc_type IS NOT NULL ORDER BY 1")) {
            types.add(r.str("doc_type"));
        }
        docTypes.addAll(types);
        for (Row r : wh.query("SELECT DISTINCT region FROM documents WHERE region IS NOT NULL")) regions.add(r.str("region"));
        for (Row r : wh.query("SELECT DISTINCT addressee_level AS a FROM recommendations WHERE addressee_level IS NOT NULL")) {
            addressees.add(r.str("a"));
        }
        for (Row r : wh.query("SELECT DISTINCT provider AS p FROM providers UNION SELECT DISTINCT provider FROM "
                + "recommendations WHERE provider IS NOT NULL UNION SELECT DISTINCT provider FROM findings WHERE provider IS NOT NULL")) {
            providers.add(r.str("p"));
        }
    }

    static Map<String, String> themeLabels() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Taxonomy.Theme t : Taxonomy.standard().themes()) m.put(t.id(), t.label());
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Opens the warehouse and index read-only and starts listening. */
    public static WebServer start(Options options) throws SQLException, IOException {
        WarehouseReader wh = new WarehouseReader(options.db());
        SearchBackend search;
        try {
            search = new PassageSearchBackend(options.index(), themeLabels());
        } catch (IOException | RuntimeException e) {
            wh.close();
            throw e;
        }
        WebServer server = new WebServer(options, wh, search);
        try {
            server.loadFacetValues();
            server.app.start(options.host(), options.port());
        } catch (SQLException | RuntimeException e) {
            server.close();
            throw new IOException("cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage(), e);
        }
        return server;
    }

    static boolean isLoopback(String host) {
        try {
            return java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    public int port() { return app.port(); }

    public String baseUrl() { return "http://" + options.host() + ":" + port(); }

    // ------------------------------------------------------------------ routing and errors

    private void routes() {
        app.before(ctx -> {
            checkHost(ctx.header("Host"));
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("X-Frame-Options", "DENY");
            if (!ctx.path().startsWith("/files/")) {
                ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                        + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
            }
        });

        app.get("/api/search", this::apiSearch);
        app.get("/api/documents", ctx -> ctx.json(Map.of("documents", wh.documents())));
        app.get("/api/documents/{id}", ctx -> ctx.json(documentView(ctx.pathParam("id"))));
        app.get("/api/providers", ctx -> ctx.json(Map.of("providers", wh.providers())));
        app.get("/api/providers/{name}", ctx -> ctx.json(providerView(ctx.pathParam("name"))));
        app.get("/api/trends", ctx -> ctx.json(Map.of("trends", trendCatalog())));
        app.get("/api/trends/{name}", this::apiTrend);
        app.get("/api/compare", ctx -> ctx.json(ComparisonView.build(wh)));
        app.get("/api/health", ctx -> ctx.json(Map.of("status", "ok", "documents", wh.documents().size())));
        app.get("/files/{id}", this::file);

        app.get("/", this::searchPage);
        app.get("/documents", ctx -> ctx.html(Pages.documents(wh.documents())));
        app.get("/doc/{id}", ctx -> ctx.html(Pages.document(documentView(ctx.pathParam("id")))));
        app.get("/providers", ctx -> ctx.html(Pages.providers(wh.providers())));
        app.get("/provider/{name}", ctx -> ctx.html(Pages.provider(providerView(ctx.pathParam("name")))));
        app.get("/trends", this::trendsPage);
        app.get("/compare", ctx -> ctx.html(Pages.compare(ComparisonView.build(wh))));

        app.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            // the CLI binds slf4j to nop: say it on stderr too, where whoever runs the server sees it
            System.err.println("hmip serve: " + ctx.method() + " " + ctx.path() + " failed: " + e);
            e.printStackTrace();
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, 500, "internal error; the server log has the details");
        });
        app.error(404, ctx -> {
            if (ctx.resultInputStream() == null) error(ctx, 404, "no such page: " + Params.abbreviate(ctx.path()));
        });
        app.error(405, ctx -> {
            if (ctx.resultInputStream() == null) error(ctx, 405, "method not allowed");
        });
    }

    /**
     * Bound to loopback, the server answers only requests addressed to a loopback name, so a web page
     * elsewhere cannot read it through DNS rebinding. Bound to another address (the user asked for
     * that, and was warned), any Host is accepted.
     */
    private void checkHost(String hostHeader) {
        if (!loopbackOnly) return;
        String h = hostHeader == null ? "" : hostHeader.strip().toLowerCase(java.util.Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            h = end < 0 ? h : h.substring(0, end + 1);
        } else if (h.indexOf(':') >= 0) {
            h = h.substring(0, h.indexOf(':'));
        }
        if (!(h.equals("localhost") || h.equals("[::1]") || h.matches("127(\\.[0-9]{1,3}){3}"))) {
            throw new ApiException(403, "this server answers only requests for localhost or 127.0.0.1");
        }
    }

    private void error(Context ctx, int status, String message) {
        ctx.status(status);
        if (ctx.path().startsWith("/api/")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", status);
            body.put("error", message);
            ctx.json(body);
        } else {
            ctx.html(Pages.error(status, message));
        }
    }

    // ------------------------------------------------------------------ search

    /**
     * The request's search. {@code q} may be left out when a filter is given (everything the filters
     * select); with {@code required}, neither is a 400.
     */
    private SearchBackend.Request searchRequest(Context ctx, boolean required, int defaultLimit) {
        String q = Params.query(ctx);
        int limit = Params.integer(ctx, "limit", 1, Params.MAX_LIMIT, defaultLimit);
        Integer offset = Params.integer(ctx, "offset", 0, Params.MAX_OFFSET);
        Integer page = Params.integer(ctx, "page", 1, Params.MAX_OFFSET / limit + 1);
        int off = offset != null ? offset : page != null ? (page - 1) * limit : 0;
        SearchBackend.Filters f = new SearchBackend.Filters(
                Params.known(ctx, "region", regions),
                Params.integer(ctx, "year", 1900, 2100),
                theme(ctx),
                Params.known(ctx, "addressee", addressees),
                docType(ctx),
                Params.oneOf(ctx, "framework", frameworks),
                Params.oneOf(ctx, "kind", Passage.kinds()),
                provider(ctx));
        String mode = Params.oneOf(ctx, "mode", SearchBackend.MODES);
        if (q == null && f.isEmpty() && required) {
            throw ApiException.badRequest("parameter 'q' is required (the words to search for) unless a filter is given "
                    + "(region, year, theme, addressee, type, framework, kind or provider)");
        }
        return new SearchBackend.Request(q, f, limit, off, mode);
    }

    /** A theme id of the taxonomy, or its label (case-insensitive); anything else is a 400 naming some ids. */
    private String theme(Context ctx) {
        String v = Params.text(ctx, "theme");
        if (v == null) return null;
        for (var t : themes.entrySet()) if (t.getValue().equalsIgnoreCase(v)) return t.getKey();
        return Params.known(ctx, "theme", themes.keySet());
    }

    /** A provider as printed in the warehouse when it knows the name in another case; else as given. */
    private String provider(Context ctx) {
        String v = Params.text(ctx, "provider");
        if (v == null) return null;
        for (String p : providers) if (p.equalsIgnoreCase(v)) return p;
        return v;
    }

    /** {@code type} (the CLI's name) or {@code doc_type} (the facet's name); both must agree when both are given. */
    private String docType(Context ctx) {
        String a = Params.oneOf(ctx, "type", docTypes);
        String b = Params.oneOf(ctx, "doc_type", docTypes);
        if (a != null && b != null && !a.equals(b)) {
            throw ApiException.badRequest("parameters 'type' and 'doc_type' disagree; give one of them");
        }
        return a != null ? a : b;
    }

    private SearchBackend.Result runSearch(SearchBackend.Request req) throws IOException {
        try {
            return search.search(req);
        } catch (SearchBackend.QueryException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private void apiSearch(Context ctx) throws IOException {
        SearchBackend.Request req = searchRequest(ctx, true, 10);
        SearchBackend.Result r = runSearch(req);
        List<Map<String, Object>> hits = new ArrayList<>();
        for (SearchBackend.Hit h : r.hits()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("passage_id", h.passageId());
            m.put("doc_id", h.docId());
            m.put("title", h.title());
            m.put("doc_type", h.docType());
            m.put("framework", h.framework());
            m.put("region", h.region());
            m.put("year", h.year());
            m.put("provider", h.provider());
            m.put("kind", h.kind());
            m.put("addressee", h.addressee());
            m.put("themes", h.themes());
            m.put("page", h.page());
            m.put("score", h.score());
            m.put("highlight", h.highlight());
            m.put("document_url", "/doc/" + Html.url(h.docId()));
            m.put("pdf_url", pdfUrl(h.docId(), h.page()));
            hits.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", r.query());
        body.put("filters", req.filters());
        body.put("total", r.total());
        body.put("offset", r.offset());
        body.put("limit", r.limit());
        body.put("hits", hits);
        body.put("facets", r.facets());
        body.put("mode", r.mode());
        body.put("notes", r.notes());
        body.put("millis", Math.round(r.millis() * 10) / 10.0);
        ctx.json(body);
    }

    private void searchPage(Context ctx) throws IOException {
        SearchBackend.Request req = searchRequest(ctx, false, 10);
        SearchBackend.Result result = null;
        String problem = null;
        if (req.query() != null || !req.filters().isEmpty()) {
            try {
                result = search.search(req);
            } catch (SearchBackend.QueryException e) {
                problem = e.getMessage();
                ctx.status(400);
            }
        }
        ctx.html(Pages.search(req, result, problem, themes));
    }

    static String pdfUrl(String docId, int page) {
        return "/files/" + Html.url(docId) + (page > 0 ? "#page=" + page : "");
    }

    // ------------------------------------------------------------------ documents and providers

    private Map<String, Object> documentView(String rawId) throws SQLException {
        String id = Params.docId(rawId);
        Row doc = wh.document(id).orElseThrow(() -> ApiException.notFound("no document with id '" + id + "'"));
        doc.remove("path"); // the server's file layout is not the client's business
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("document", doc);
        v.put("pdf_url", "ok".equals(doc.str("status")) ? pdfUrl(id, 0) : null);
        v.put("providers", wh.providersOf(id));
        v.put("ratings", wh.ratingsOf(id));
        v.put("key_questions", wh.keyQuestionsOf(id));
        v.put("recommendations", wh.recommendationsOf(id));
        v.put("findings", wh.findingsOf(id));
        v.put("stated_ratings", wh.statedRatingsOf(id));
        v.put("check_findings", wh.checkFindingsOf(id));
        v.put("check_findings_available", wh.hasTable("check_findings"));
        v.put("notes", wh.notesOf(id).stream().map(r -> r.str("note")).toList());
        v.put("corrections", wh.correctionsOf(id));
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("level", doc.str("status_level"));
        status.put("reasons", wh.statusReasonsOf(id));
        v.put("status", status);
        return v;
    }

    private Map<String, Object> providerView(String rawName) throws SQLException {
        String name = Params.text("name", rawName, Params.MAX_VALUE_LENGTH);
        if (name == null) throw ApiException.badRequest("provider name is empty");
        List<String> names = wh.printedNames(name);
        List<Row> inspections = wh.inspectionsOf(names);
        if (inspections.isEmpty()) throw ApiException.notFound("no provider named '" + Params.abbreviate(name) + "'");
        Map<String, Map<String, Object>> byDoc = new LinkedHashMap<>();
        for (Row r : inspections) {
            Map<String, Object> m = new LinkedHashMap<>(r);
            m.put("ratings", new LinkedHashMap<String, String>());
            m.put("pdf_url", pdfUrl(r.str("doc_id"), r.integer("page") == null ? 0 : r.integer("page")));
            byDoc.putIfAbsent(r.str("doc_id"), m);
        }
        for (Row r : wh.ratingsOfProvider(names)) {
            Map<String, Object> m = byDoc.get(r.str("doc_id"));
            if (m != null) {
                @SuppressWarnings("unchecked")
                Map<String, String> ratings = (Map<String, String>) m.get("ratings");
                ratings.putIfAbsent(r.str("canonical_standard"), r.str("rating"));
            }
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("provider", name);
        v.put("printed_names", names);
        v.put("standards", wh.canonicalStandards());
        v.put("inspections", new ArrayList<>(byDoc.values()));
        v.put("recommendations", wh.recommendationsOfProvider(names));
        return v;
    }

    // ------------------------------------------------------------------ trends

    private List<TrendDefinition> trendCatalog() {
        return options.trends().catalog();
    }

    private TrendFilter trendFilter(Context ctx) {
        String region = Params.text(ctx, "region");
        Integer from = Params.integer(ctx, "from", 1900, 2100);
        Integer to = Params.integer(ctx, "to", 1900, 2100);
        if (from != null && to != null && from > to) {
            throw ApiException.badRequest("parameter 'from' (" + from + ") is after 'to' (" + to + ")");
        }
        String standard = Params.text(ctx, "standard");
        if (standard != null && !standard.matches("[0-9]{1,2}(\\.[0-9]{1,2}){0,2}")) {
            throw ApiException.badRequest("parameter 'standard' must be a standard code such as 2.2 (got '"
                    + Params.abbreviate(standard) + "')");
        }
        return new TrendFilter(region, from, to, standard);
    }

    private TrendTable runTrend(String name, TrendFilter filter) throws SQLException {
        if (trendCatalog().stream().noneMatch(d -> d.name().equals(name))) {
            throw ApiException.notFound("no trend table named '" + name + "'");
        }
        try (Connection c = wh.connection()) {
            return options.trends().run(c, name, filter);
        } catch (NoSuchElementException e) {
            throw ApiException.notFound("no trend table named '" + name + "'");
        }
    }

    private void apiTrend(Context ctx) throws SQLException {
        String raw = ctx.pathParam("name");
        boolean csv = raw.endsWith(".csv");
        String name = Params.name("trend table name", csv ? raw.substring(0, raw.length() - 4) : raw);
        String format = Params.oneOf(ctx, "format", List.of("json", "csv"));
        if ("csv".equals(format)) csv = true;
        TrendTable t = runTrend(name, trendFilter(ctx));
        if (csv) {
            ctx.contentType("text/csv; charset=utf-8");
            ctx.header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
            ctx.result(Csv.of(t.columns(), t.rows()));
        } else {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("definition", t.definition());
            body.put("columns", t.columns());
            body.put("rows", t.rows());
            body.put("notes", t.notes());
            ctx.json(body);
        }
    }

    private void trendsPage(Context ctx) {
        TrendFilter filter = trendFilter(ctx);
        List<Pages.TrendView> views = new ArrayList<>();
        for (TrendDefinition d : trendCatalog()) {
            try {
                views.add(new Pages.TrendView(d, runTrend(d.name(), filter), null));
            } catch (SQLException | RuntimeException e) {
                LOG.warn("trend {} failed", d.name(), e);
                views.add(new Pages.TrendView(d, null, "this table cannot be computed from the warehouse yet"));
            }
        }
        ctx.html(Pages.trends(filter, views, ctx.queryString()));
    }

    // ------------------------------------------------------------------ source files

    /** Serves a source document by id: the path comes from the warehouse, never from the request. */
    private void file(Context ctx) throws SQLException, IOException {
        String id = Params.docId(ctx.pathParam("id"));
        Row doc = wh.document(id).orElseThrow(() -> ApiException.notFound("no document with id '" + id + "'"));
        if (!"ok".equals(doc.str("status"))) throw ApiException.notFound("document '" + id + "' failed to ingest");
        Path p = Path.of(doc.str("path"));
        if (!p.isAbsolute()) p = options.home().resolve(p);
        Optional<Path> file = Optional.of(p.normalize()).filter(Files::isRegularFile);
        if (file.isEmpty()) throw ApiException.notFound("the source file of '" + id + "' is no longer on disk");
        String type = doc.str("media_type") == null ? "application/octet-stream" : doc.str("media_type");
        String fileName = file.get().getFileName().toString().replaceAll("[^A-Za-z0-9._~-]", "_");
        ctx.contentType(type);
        if (type.equals("application/pdf")) {
            ctx.header("Content-Disposition", "inline; filename=\"" + fileName + "\"");
        } else {
            // an ingested HTML or Office file must not run in this origin: download it, sandboxed
            ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
            ctx.header("Content-Security-Policy", "sandbox; default-src 'none'");
        }
        ctx.header("Content-Length", Long.toString(Files.size(file.get())));
        InputStream in = Files.newInputStream(file.get());
        ctx.result(in);
    }

    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            try {
                search.close();
            } catch (IOException e) {
                LOG.warn("closing the index failed", e);
            }
            try {
                wh.close();
            } catch (SQLException e) {
                LOG.warn("closing the warehouse failed", e);
            }
        }
    }
}
