package hmip.app;

import hmip.enrich.EnrichmentStore;
import hmip.load.Warehouse;
import hmip.search.EmbedStep;
import hmip.search.Embedder;
import hmip.search.PassageIndex;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hmip embed}: vectors for passages that have none, reusing cached vectors of identical text. */
@Command(name = "embed", description = "Add sentence-embedding vectors to passages that have none (for semantic and hybrid search).")
final class EmbedCommand implements Callable<Integer> {
    @Mixin Locations.WarehouseFile db;

    @Mixin Locations.IndexFolder index;

    @Option(names = "--quiet", description = "no progress output") boolean quiet;

    @Override
    public Integer call() throws Exception {
        Path dbPath = db.path();
        Path indexPath = index.path();
        try (Warehouse wh = Warehouse.open(dbPath); PassageIndex idx = new PassageIndex(indexPath)) {
            EmbedStep.Summary s = EmbedStep.run(idx, new EnrichmentStore(wh.connection()), Embedder.standard(),
                    quiet ? null : (done, total) -> System.err.printf("\rembedding %d/%d texts", done, total));
            if (!quiet && s.embedded() > 0) System.err.println();
            print(s);
            return 0;
        }
    }

    static void print(EmbedStep.Summary s) {
        System.out.printf("embed: %d passages given vectors; %d texts embedded, %d from cache; %.1f s (model %s)%n",
                s.passages(), s.embedded(), s.reused(), s.seconds(), Embedder.standard().model());
    }
}
