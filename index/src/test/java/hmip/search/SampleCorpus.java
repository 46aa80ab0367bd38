package hmip.search;

import hmip.enrich.EnrichmentStore;
import hmip.enrich.PassageEnrichment;
import hmip.load.Warehouse;
import hmip.model.Passage;
import hmip.pipeline.Pipeline;
import hmip.pipeline.PipelineResult;
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
        // the pipeline ingest runs (parse to enrichment), written as ingest writes
        Pipeline pipeline = Pipeline.standard();
        try (Warehouse wh = Warehouse.open(db); PassageIndex idx = new PassageIndex(index)) {
            EnrichmentStore store = new EnrichmentStore(wh.connection());
            for (Path pdf : pdfs) {
                if (!(pipeline.process(pdf) instanceof PipelineResult.Processed p)) throw new IllegalStateException("cannot read " + pdf);
                PassageEnrichment.Result r = p.enrichment();
                wh.storeDocument(p.document(), p.extraction(), p.validation(), p.status(), p.source().bytes().length, 1,
                        () -> store.append(r.themes(), r.facts()));
                idx.replaceDocument(p.docId(), r.passages());
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
