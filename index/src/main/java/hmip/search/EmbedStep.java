package hmip.search;

import hmip.enrich.EnrichmentStore;
import hmip.model.Passage;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The incremental embedding step: every passage in the index without a vector gets one. Vectors are
 * cached in the warehouse by the SHA-256 of the passage text, so identical texts (a recommendation printed
 * in a report and in a letter) share one vector and re-ingesting unchanged text embeds nothing.
 */
public final class EmbedStep {
    /** What a run did: passages given a vector, distinct texts embedded now, texts found in the cache. */
    public record Summary(int passages, int embedded, int reused, double seconds) {}

    /** Called after each batch with passages done so far and the total. */
    public interface Progress {
        void update(int done, int total);
    }

    /** Texts per call to the embedder (and per progress update and warehouse write). */
    static final int BATCH = 256;

    private EmbedStep() {}

    /** Receives each chunk's texts and their vectors, in the same order. */
    public interface Chunk {
        void embedded(List<String> texts, List<float[]> vectors);
    }

    /**
     * Embeds distinct texts longest first, in chunks of {@link #BATCH}, so each chunk (and each batch the
     * embedder pads within it) holds texts of similar length; {@code chunk} gets each chunk as it is done.
     * The step and {@code hmip bench} both embed through here.
     */
    public static void embedInChunks(Embedder embedder, List<String> distinctTexts, Chunk chunk) {
        List<String> sorted = distinctTexts.stream()
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
        for (int from = 0; from < sorted.size(); from += BATCH) {
            List<String> texts = sorted.subList(from, Math.min(sorted.size(), from + BATCH));
            chunk.embedded(texts, embedder.embedAll(texts));
        }
    }

    public static Summary run(PassageIndex index, EnrichmentStore store, Embedder embedder, Progress progress)
            throws IOException, SQLException {
        return run(index, store, embedder, progress, EmbedText.STANDARD);
    }

    /** As {@link #run(PassageIndex, EnrichmentStore, Embedder, Progress)} with another embedding text (experiments). */
    public static Summary run(PassageIndex index, EnrichmentStore store, Embedder embedder, Progress progress,
                              EmbedText style) throws IOException, SQLException {
        long t0 = System.nanoTime();
        List<Passage> todo = index.passagesWithoutVector();
        Map<String, String> shaById = new HashMap<>();
        Map<String, String> textBySha = new LinkedHashMap<>();
        for (Passage p : todo) {
            String text = style.of(p);
            String sha = Embedder.sha(text);
            shaById.put(p.id(), sha);
            textBySha.putIfAbsent(sha, text);
        }
        Map<String, float[]> bySha = new HashMap<>(store.vectors(textBySha.keySet(), embedder.model()));
        int reused = bySha.size();
        List<String> missing = textBySha.keySet().stream().filter(s -> !bySha.containsKey(s)).toList();
        int[] done = {0};
        embedInChunks(embedder, missing.stream().map(textBySha::get).toList(), (texts, vectors) -> {
            Map<String, float[]> batch = new LinkedHashMap<>();
            for (int i = 0; i < texts.size(); i++) batch.put(Embedder.sha(texts.get(i)), vectors.get(i));
            try {
                store.storeVectors(batch, embedder.model());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot store vectors: " + e.getMessage(), e);
            }
            bySha.putAll(batch);
            done[0] += texts.size();
            if (progress != null) progress.update(done[0], missing.size());
        });
        Map<String, float[]> byId = new HashMap<>();
        List<Passage> updated = new ArrayList<>();
        for (Passage p : todo) {
            float[] v = bySha.get(shaById.get(p.id()));
            if (v != null) {
                byId.put(p.id(), v);
                updated.add(p);
            }
        }
        index.setVectors(updated, byId);
        index.commit();
        return new Summary(updated.size(), missing.size(), reused, (System.nanoTime() - t0) / 1e9);
    }
}
