package hmip.trends;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hmip.layout.StandardLayout;
import hmip.load.Warehouse;
import hmip.model.Extraction;
import hmip.model.KeyQuestion;
import hmip.model.LaidOutDocument;
import hmip.model.Provider;
import hmip.model.Recommendation;
import hmip.model.Score;
import hmip.model.StandardRating;
import hmip.parse.ParseLimits;
import hmip.parse.Parsers;
import hmip.parse.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Test fixture: a warehouse holding the sample corpus with its gold extractions (shared/corpus/gold), the
 * pages and blocks coming from parsing the real sample PDFs in data/reports. Stands in for the structured
 * extractor until it lands.
 */
public final class GoldWarehouse {
    private GoldWarehouse() {}

    public static Path root() {
        return Path.of(System.getProperty("hmip.root", "..")).toAbsolutePath().normalize();
    }

    /** The gold folder: shared/corpus/gold beside the repository (as in CI), or null when absent. */
    public static Path goldDir() {
        for (Path p : List.of(root().resolve("../shared/corpus/gold"), root().resolve("shared/corpus/gold"))) {
            if (Files.isDirectory(p)) return p.normalize();
        }
        return null;
    }

    /** Builds (replacing) a warehouse file from every gold JSON file. */
    public static void build(Path db) throws Exception {
        Path gold = goldDir();
        if (gold == null) throw new IllegalStateException("no shared/corpus/gold beside " + root());
        Files.deleteIfExists(db);
        Files.deleteIfExists(db.resolveSibling(db.getFileName() + ".wal"));
        List<Path> files;
        try (Stream<Path> s = Files.list(gold)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        try (Warehouse wh = Warehouse.open(db)) {
            int run = wh.startRun("gold fixture");
            for (Path f : files) {
                Extraction ex = extraction(new ObjectMapper().readTree(f.toFile()));
                LaidOutDocument doc = laidOut(ex.docId());
                wh.storeDocument(doc, ex, Files.size(root().resolve("data/reports/" + ex.docId() + ".pdf")), run);
                wh.markIndexed(ex.docId());
            }
            wh.finishRun(run, files.size(), 0, 0, 0, 0);
        }
    }

    static LaidOutDocument laidOut(String docId) throws Exception {
        Path pdf = root().resolve("data/reports/" + docId + ".pdf");
        SourceFile src = SourceFile.read(pdf, ParseLimits.DEFAULT);
        return new StandardLayout().layOut(Parsers.standard().parse(src, ParseLimits.DEFAULT));
    }

    static Extraction extraction(JsonNode j) {
        List<Provider> providers = new ArrayList<>();
        for (JsonNode p : j.path("providers")) {
            List<StandardRating> ratings = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = p.path("ratings").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                ratings.add(new StandardRating(e.getKey(), e.getValue().asText(), null));
            }
            JsonNode sc = p.path("score");
            Score score = sc.isObject() ? new Score(sc.get("points").asInt(), sc.get("max").asInt(), null) : null;
            providers.add(new Provider(text(p, "name"), text(p, "type"), text(p, "fieldwork_started"), score,
                    text(p, "overall_rating"), ratings, null));
        }
        List<KeyQuestion> kqs = new ArrayList<>();
        for (JsonNode k : j.path("key_questions")) {
            kqs.add(new KeyQuestion(text(k, "provider"), text(k, "standard"), text(k, "code"), text(k, "question"),
                    k.get("percent_yes").asInt(), null));
        }
        List<Recommendation> recs = new ArrayList<>();
        for (JsonNode r : j.path("recommendations")) {
            recs.add(new Recommendation(text(r, "provider"), text(r, "addressee"), text(r, "addressee_level"),
                    r.hasNonNull("number") ? r.get("number").asInt() : null, text(r, "text"), null));
        }
        List<String> notes = new ArrayList<>();
        j.path("notes").forEach(n -> notes.add(n.asText()));
        return new Extraction(text(j, "doc_id"), text(j, "doc_type"), text(j, "title"), text(j, "inspectorate"),
                text(j, "published"), text(j, "region"), text(j, "framework"), providers, kqs, recs, List.of(), notes);
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    /** Writes the gold warehouse to the path given as the first argument (used by notebooks/run.sh). */
    public static void main(String[] args) throws Exception {
        build(Path.of(args[0]));
    }

    static void ensureParent(Path p) throws IOException {
        Files.createDirectories(p.toAbsolutePath().getParent());
    }
}
