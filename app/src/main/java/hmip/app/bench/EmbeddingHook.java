package hmip.app.bench;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Hook for the dense-embedding throughput line of {@code hmip bench}. The embedding step for hybrid
 * search is its own incremental step ({@code hmip embed}), measured but not part of the
 * whole-pipeline ratio. {@link EmbedderHook} implements this over the real embedder and is registered
 * in {@code META-INF/services/hmip.app.bench.EmbeddingHook}; the benchmark times {@link #embed} over
 * passages of the sample reports and reports passages per second (without a registered hook the line
 * reads n/a).
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
