package hmip.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hmip.enrich.EnrichmentStore;
import hmip.enrich.PassageEnrichment;
import hmip.enrich.Passages;
import hmip.layout.StandardLayout;
import hmip.load.Warehouse;
import hmip.model.Extraction;
import hmip.model.KeyQuestion;
import hmip.model.LaidOutDocument;
import hmip.model.LaidOutPage;
import hmip.model.Passage;
import hmip.model.Provenance;
import hmip.model.Provider;
import hmip.model.Recommendation;
import hmip.model.Score;
import hmip.model.StandardRating;
import hmip.parse.ParseLimits;
import hmip.parse.Parsers;
import hmip.parse.SourceFile;
import hmip.search.Embedder;
import hmip.search.PassageIndex;
import hmip.trends.TrendDefinition;
import hmip.trends.TrendFilter;
import hmip.trends.TrendTable;
import hmip.trends.Trends;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * A warehouse and index built once per test JVM from the sample reports in {@code data/reports} (real
 * parsing and layout) and the gold extractions copied into test resources (standing in for the
 * extractor, which is not merged here). Provenance pages are found by looking the text up in the
 * laid-out pages, so PDF links point at real pages. Passages are enriched (themes) as ingest does. Only
 * recommendation passages get vectors (the real model, as {@code hmip embed} would give them): enough for
 * semantic and hybrid search to run, without embedding the whole corpus on every test run.
 * {@link #lexicalIndex} is the same index before any vector was added, as after an ingest without embed.
 */
final class Fixture {
    final Path dir;
    final Path db;
    final Path index;
    /** The index as it was before vectors were added: what a warehouse never embedded serves from. */
    final Path lexicalIndex;
    final Path root;

    private static Fixture instance;

    private Fixture(Path dir, Path root) {
        this.dir = dir;
        this.db = dir.resolve("hmip.duckdb");
        this.index = dir.resolve("index");
        this.lexicalIndex = dir.resolve("index-lexical");
        this.root = root;
    }

    static synchronized Fixture get() throws Exception {
        if (instance == null) {
            Path dir = Files.createTempDirectory("hmip-web-test");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            Fixture f = new Fixture(dir, root());
            long t0 = System.nanoTime();
            f.build();
            System.out.printf("web test fixture: 5 sample reports parsed, enriched, loaded and recommendations embedded in %.1f s%n",
                    (System.nanoTime() - t0) / 1e9);
            instance = f;
        }
        return instance;
    }

    static Path root() {
        String prop = System.getProperty("hmip.root");
        Path p = prop == null ? Path.of("").toAbsolutePath() : Path.of(prop);
        while (p != null && !Files.isDirectory(p.resolve("data/reports"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("cannot find the repository root (data/reports)");
        return p;
    }

    /** The server options for this fixture; trend tables from {@link Trends} once it has any, else a stand-in. */
    WebServer.Options options() {
        TrendSource trends = Trends.catalog().isEmpty() ? STAND_IN_TRENDS : TrendSource.STANDARD;
        return new WebServer.Options(db, index, root, "127.0.0.1", 0, trends);
    }

    private void build() throws Exception {
        List<Path> reports;
        try (Stream<Path> s = Files.list(root.resolve("data/reports"))) {
            reports = s.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
        Parsers parsers = Parsers.standard();
        StandardLayout layout = new StandardLayout();
        ObjectMapper json = new ObjectMapper();
        try (Warehouse wh = Warehouse.open(db); PassageIndex idx = new PassageIndex(index)) {
            EnrichmentStore store = new EnrichmentStore(wh.connection());
            int run = wh.startRun("web test fixture");
            List<String> ids = new ArrayList<>();
            // parse, lay out and enrich in parallel (the slow part); write on this thread, as ingest does
            record Prepared(SourceFile src, LaidOutDocument doc, Extraction ex, PassageEnrichment.Result enriched) {}
            List<Prepared> prepared = reports.parallelStream().map(pdf -> {
                try {
                    SourceFile src = SourceFile.read(pdf.toAbsolutePath(), ParseLimits.DEFAULT);
                    LaidOutDocument doc = layout.layOut(parsers.parse(src, ParseLimits.DEFAULT));
                    Extraction ex;
                    try (InputStream in = Fixture.class.getResourceAsStream("/gold/" + src.docId() + ".json")) {
                        ex = in == null ? Extraction.other(src.docId(), doc.source().metadata().get("title"), doc.source().metadata().get("title"), List.of(), List.of())
                                : fromGold(json.readTree(in), doc);
                    }
                    return new Prepared(src, doc, ex, PassageEnrichment.enrich(Passages.of(doc, ex)));
                } catch (Exception e) {
                    throw new IllegalStateException("cannot parse " + pdf, e);
                }
            }).toList();
            for (Prepared p : prepared) {
                SourceFile src = p.src();
                LaidOutDocument doc = p.doc();
                Extraction ex = p.ex();
                PassageEnrichment.Result enriched = p.enriched();
                hmip.pipeline.Pipeline.standard().load(wh, doc, ex, src.bytes().length, run);
                store.store(doc.docId(), enriched.themes(), enriched.facts());
                idx.replaceDocument(doc.docId(), enriched.passages());
                ids.add(doc.docId());
            }
            idx.commit();
            for (String id : ids) wh.markIndexed(id);
            wh.finishRun(run, ids.size(), 0, 0, 0, 0);
        }
        copyTree(index, lexicalIndex);
        try (PassageIndex idx = new PassageIndex(index)) {
            List<Passage> recs = idx.passagesWithoutVector().stream().filter(p -> p.kind().equals("recommendation")).toList();
            List<float[]> vectors = Embedder.standard().embedAll(recs.stream().map(Passage::text).toList());
            Map<String, float[]> byId = new HashMap<>();
            for (int i = 0; i < recs.size(); i++) byId.put(recs.get(i).id(), vectors.get(i));
            idx.setVectors(recs, byId);
            idx.commit();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                if (p.getFileName().toString().equals("write.lock")) continue;
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    static Extraction fromGold(JsonNode g, LaidOutDocument doc) {
        String id = doc.docId();
        List<Provider> providers = new ArrayList<>();
        for (JsonNode p : g.path("providers")) {
            String name = p.path("name").asText();
            List<StandardRating> ratings = new ArrayList<>();
            p.path("ratings").fields().forEachRemaining(e -> ratings.add(new StandardRating(e.getKey(),
                    e.getValue().asText(), locate(doc, shortName(name), e.getValue().asText()))));
            JsonNode s = p.path("score");
            providers.add(new Provider(name, text(p, "type"), text(p, "fieldwork_started"),
                    s.isObject() ? new Score(s.path("points").asInt(), s.path("max").asInt(), null) : null,
                    text(p, "overall_rating"), ratings, locate(doc, shortName(name), null)));
        }
        List<KeyQuestion> kqs = new ArrayList<>();
        for (JsonNode k : g.path("key_questions")) {
            kqs.add(new KeyQuestion(text(k, "provider"), text(k, "standard"), text(k, "code"), text(k, "question"),
                    k.path("percent_yes").asInt(), locate(doc, text(k, "question"), null)));
        }
        List<Recommendation> recs = new ArrayList<>();
        for (JsonNode r : g.path("recommendations")) {
            recs.add(new Recommendation(text(r, "provider"), text(r, "addressee"), text(r, "addressee_level"),
                    r.path("number").isNumber() ? r.path("number").asInt() : null, text(r, "text"),
                    locate(doc, text(r, "text"), null)));
        }
        List<String> notes = new ArrayList<>();
        for (JsonNode n : g.path("notes")) notes.add(n.asText());
        String title = text(g, "title");
        if (title == null) title = doc.source().metadata().get("title");
        return new Extraction(id, text(g, "doc_type"), title, text(g, "inspectorate"), text(g, "published"),
                text(g, "region"), text(g, "framework"), providers, kqs, recs, List.of(), notes);
    }

    private static String shortName(String provider) {
        return provider.replaceAll("\\s+PDU$", "");
    }

    /** The first page whose text holds the start of {@code text} (and {@code also}, when given). */
    private static Provenance locate(LaidOutDocument doc, String text, String also) {
        if (text == null) return null;
        String needle = norm(text);
        needle = needle.substring(0, Math.min(needle.length(), 40));
        for (LaidOutPage p : doc.pages()) {
            String hay = norm(p.text());
            int at = hay.indexOf(needle);
            if (at >= 0 && (also == null || hay.contains(norm(also)))) {
                return new Provenance(doc.docId(), p.number(), at, at + needle.length(), null);
            }
        }
        return null;
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[\\s\\-‐–]+", " ").strip();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** One trend table computed here, used only while {@link Trends#catalog()} is still empty. */
    static final TrendSource STAND_IN_TRENDS = new TrendSource() {
        final TrendDefinition def = new TrendDefinition("ratings_by_region", "Ratings by region",
                "How many standards each region's providers were rated at each level (test stand-in table).");

        @Override
        public List<TrendDefinition> catalog() { return List.of(def); }

        @Override
        public TrendTable run(Connection c, String name, TrendFilter f) throws SQLException {
            if (!name.equals(def.name())) throw new NoSuchElementException(name);
            try (PreparedStatement ps = c.prepareStatement("SELECT d.region, r.rating, count(*) AS standards "
                    + "FROM ratings r JOIN documents d USING (doc_id) WHERE (? IS NULL OR d.region = ?) "
                    + "GROUP BY ALL ORDER BY d.region, r.rating")) {
                ps.setString(1, f.region());
                ps.setString(2, f.region());
                try (ResultSet rs = ps.executeQuery()) {
                    List<List<Object>> rows = new ArrayList<>();
                    while (rs.next()) rows.add(List.of(rs.getString(1), rs.getString(2), rs.getLong(3)));
                    return new TrendTable(def, List.of("region", "rating", "standards"), rows);
                }
            }
        }
    };

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // best effort: a temp folder left behind is harmless
        }
    }
}
