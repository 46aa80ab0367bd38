package hmip.app.bench;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Hook for the dense-embedding throughput line of {@code hmip bench}. The embedding step for hybrid
 * search is its own incremental step (not part of the whole-pipeline ratio). Until it exists the
 * benchmark prints "n/a until the embedding step exists". To measure it, implement this interface
 * over the real embedding step and register it in
 * {@code META-INF/services/hmip.app.bench.EmbeddingHook}; the benchmark then times
 * {@link #embed} over passages of the corpus and reports passages per second.
 */
public interface EmbeddingHook {
    /** A short label for the report, e.g. the model name. */
    String name();

    /** Computes (and discards) one vector per passage; returns how many vectors were computed. */
    int embed(List<String> passages) throws Exception;

    static Optional<EmbeddingHook> find() {
        return ServiceLoader.load(EmbeddingHook.class).findFirst();
    }
}
