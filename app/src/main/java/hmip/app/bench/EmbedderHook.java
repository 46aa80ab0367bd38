package hmip.app.bench;

import hmip.search.Embedder;
import java.util.List;

/**
 * The benchmark's dense-embedding line over the real embedder of {@code hmip embed} (the incremental
 * step that gives passages their vectors), in the same batches as {@link hmip.search.EmbedStep}.
 */
public final class EmbedderHook implements EmbeddingHook {
    private static final int BATCH = 64;

    @Override
    public String name() {
        return Embedder.standard().model();
    }

    @Override
    public int embed(List<String> passages) {
        Embedder embedder = Embedder.standard();
        int n = 0;
        for (int from = 0; from < passages.size(); from += BATCH) {
            n += embedder.embedAll(passages.subList(from, Math.min(passages.size(), from + BATCH))).size();
        }
        return n;
    }
}
