package hmip.app.bench;

import hmip.search.EmbedStep;
import hmip.search.Embedder;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The benchmark's dense-embedding line over the real embedder of the embedding step (run by `hmip ingest`
 * and `hmip embed`), the way the step embeds: identical texts once, longest first, in the step's chunks.
 */
public final class EmbedderHook implements EmbeddingHook {
    @Override
    public String name() {
        return Embedder.standard().model();
    }

    @Override
    public int embed(List<String> passages) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(passages));
        EmbedStep.embedInChunks(Embedder.standard(), distinct, (texts, vectors) -> { });
        return passages.size();
    }
}
