package hmip.search;

import hmip.enrich.EnrichmentStore;
import hmip.enrich.PassageEnrichment;
import hmip.enrich.Passages;
import hmip.extract.InspectionExtractor;
import hmip.layout.StandardLayout;
import hmip.load.Warehouse;
import hmip.model.Extraction;
import hmip.model.LaidOutDocument;
import hmip.model.Passage;
import hmip.parse.ParseLimits;
import hmip.parse.Parsers;
import hmip.parse.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sample corpus as {@code hmip ingest} gives it to search: the five sample PDFs parsed, laid out and
 * extracted by the real pipeline, passages built and enriched as ingest does. Built once per test JVM:
 * passages enriched, indexed, embedded through {@link EmbedStep}.
 */
final class SampleCorpus {
    final Path dir;
    final Path index;
    final Path db;
    final List<Passage> passages = new ArrayList<>();
    final EmbedStep.Summary embedding;

    private static final java.util.Map<EmbedText, SampleCorpus> instances = new java.util.EnumMap<>(EmbedText.class);

    /** The corpus embedded as the project does ({@link EmbedText#STANDARD}). */
    static SampleCorpus get() throws Exception {
        return get(EmbedText.STANDARD);
    }

    /** The corpus with vectors of another embedding text (experiments); each built once per JVM. */
    static synchronized SampleCorpus get(EmbedText style) throws Exception {
        SampleCorpus c = instances.get(style);
        if (c == null) {
            c = new SampleCorpus(style);
            instances.put(style, c);
        }
        return c;
    }

    private SampleCorpus(EmbedText style) throws Exception {
        dir = Files.createTempDirectory("hmip-sample-corpus");
        index = dir.resolve("index");
        db = dir.resolve("w.duckdb");
        Path reports = root().resolve("data/reports");
        List<Path> pdfs;
        try (Stream<Path> s = Files.list(reports)) {
            pdfs = s.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
        try (Warehouse wh = Warehouse.open(db); PassageIndex idx = new PassageIndex(index)) {
            EnrichmentStore store = new EnrichmentStore(wh.connection());
            InspectionExtractor extractor = new InspectionExtractor();
            for (Path pdf : pdfs) {
                String docId = pdf.getFileName().toString().replace(".pdf", "");
                SourceFile src = SourceFile.read(pdf, ParseLimits.DEFAULT);
                src = new SourceFile(src.path(), docId, src.bytes(), src.sha256(), src.mediaType());
                LaidOutDocument doc = new StandardLayout().layOut(Parsers.standard().parse(src, ParseLimits.DEFAULT));
                Extraction ex = extractor.extract(doc);
                PassageEnrichment.Result r = PassageEnrichment.enrich(Passages.of(doc, ex));
                wh.storeDocument(doc, ex, src.bytes().length, 1);
                store.store(docId, r.themes(), r.facts());
                idx.replaceDocument(docId, r.passages());
                passages.addAll(r.passages());
            }
            idx.commit();
            store.rebuildRecommendationClusters();
            embedding = EmbedStep.run(idx, store, Embedder.standard(), null, style);
        }
    }

    static Path root() {
        String r = System.getProperty("hmip.root");
        Path p = (r == null ? Path.of("..") : Path.of(r)).toAbsolutePath().normalize();
        // run from a module folder, the property names the module; the data lives one level up
        return Files.isDirectory(p.resolve("data/reports")) || p.getParent() == null ? p : p.getParent();
    }

}
