package hmip.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hmip.enrich.EnrichmentStore;
import hmip.enrich.PassageEnrichment;
import hmip.enrich.Passages;
import hmip.layout.StandardLayout;
import hmip.load.Warehouse;
import hmip.model.Extraction;
import hmip.model.LaidOutDocument;
import hmip.model.LaidOutPage;
import hmip.model.Passage;
import hmip.model.Provenance;
import hmip.model.Provider;
import hmip.model.Recommendation;
import hmip.parse.ParseLimits;
import hmip.parse.Parsers;
import hmip.parse.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The sample corpus as the search sees it after the structured extractor lands: the five sample PDFs
 * parsed and laid out by the real pipeline, with document facts and recommendations taken from the gold
 * files (test resources) in place of the extractor, each recommendation anchored to the page that
 * prints it. Built once per test JVM: passages enriched, indexed, embedded through {@link EmbedStep}.
 */
final class GoldCorpus {
    final Path dir;
    final Path index;
    final Path db;
    final List<Passage> passages = new ArrayList<>();
    final EmbedStep.Summary embedding;

    private static GoldCorpus instance;

    static synchronized GoldCorpus get() throws Exception {
        if (instance == null) instance = new GoldCorpus();
        return instance;
    }

    private GoldCorpus() throws Exception {
        dir = Files.createTempDirectory("hmip-gold-corpus");
        index = dir.resolve("index");
        db = dir.resolve("w.duckdb");
        Path reports = root().resolve("data/reports");
        List<Path> pdfs;
        try (Stream<Path> s = Files.list(reports)) {
            pdfs = s.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
        try (Warehouse wh = Warehouse.open(db); PassageIndex idx = new PassageIndex(index)) {
            EnrichmentStore store = new EnrichmentStore(wh.connection());
            for (Path pdf : pdfs) {
                String docId = pdf.getFileName().toString().replace(".pdf", "");
                SourceFile src = SourceFile.read(pdf, ParseLimits.DEFAULT);
                src = new SourceFile(src.path(), docId, src.bytes(), src.sha256(), src.mediaType());
                LaidOutDocument doc = new StandardLayout().layOut(Parsers.standard().parse(src, ParseLimits.DEFAULT));
                Extraction ex = extraction(doc);
                PassageEnrichment.Result r = PassageEnrichment.enrich(Passages.of(doc, ex));
                hmip.pipeline.Pipeline.standard().load(wh, doc, ex, src.bytes().length, 1);
                store.store(docId, r.themes(), r.facts());
                idx.replaceDocument(docId, r.passages());
                passages.addAll(r.passages());
            }
            idx.commit();
            store.rebuildRecommendationClusters();
            embedding = EmbedStep.run(idx, store, Embedder.standard(), null);
        }
    }

    static Path root() {
        String r = System.getProperty("hmip.root");
        Path p = (r == null ? Path.of("..") : Path.of(r)).toAbsolutePath().normalize();
        // run from a module folder, the property names the module; the data lives one level up
        return Files.isDirectory(p.resolve("data/reports")) || p.getParent() == null ? p : p.getParent();
    }

    /** The gold file's facts and recommendations, anchored to pages of the laid-out document. */
    static Extraction extraction(LaidOutDocument doc) throws IOException {
        JsonNode g;
        try (InputStream in = GoldCorpus.class.getResourceAsStream("/gold/" + doc.docId() + ".json")) {
            g = new ObjectMapper().readTree(in);
        }
        List<Provider> providers = new ArrayList<>();
        for (JsonNode p : g.path("providers")) {
            providers.add(new Provider(p.path("name").asText(), p.path("type").asText(null), null, null, null, List.of(), null));
        }
        List<Recommendation> recs = new ArrayList<>();
        int fromPage = 1;
        for (JsonNode r : g.path("recommendations")) {
            String text = r.path("text").asText();
            Provenance prov = locate(doc, text, fromPage);
            if (prov != null) fromPage = prov.page();
            recs.add(new Recommendation(r.path("provider").asText(null), r.path("addressee").asText(null),
                    r.path("addressee_level").asText(null), r.path("number").isNull() ? null : r.path("number").asInt(),
                    text, prov));
        }
        return new Extraction(doc.docId(), g.path("doc_type").asText(), g.path("title").asText(), null,
                g.path("published").isNull() ? null : g.path("published").asText(), g.path("region").asText(null),
                g.path("framework").asText(null), providers, List.of(), recs, List.of(), List.of());
    }

    private static Provenance locate(LaidOutDocument doc, String text, int fromPage) {
        String needle = norm(text);
        needle = needle.substring(0, Math.min(40, needle.length()));
        for (LaidOutPage p : doc.pages()) {
            if (p.number() < fromPage) continue;
            String hay = norm(p.text());
            int at = hay.indexOf(needle);
            if (at >= 0) return new Provenance(doc.docId(), p.number(), 0, p.text().length(), null);
        }
        return null;
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
    }
}
