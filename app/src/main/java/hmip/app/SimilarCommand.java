package hmip.app;

import hmip.load.Warehouse;
import hmip.model.Passage;
import hmip.search.PassageSearcher;
import hmip.search.SearchHit;
import hmip.search.SearchResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hmip similar REC_ID}: the most similar recommendations in other documents, and its near-duplicate cluster. */
@Command(name = "similar", description = "Recommendations (or passages) most similar to one, in other documents; and its cluster of near-duplicates.")
final class SimilarCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "a recommendation id such as 003_87f4258a3b1d4f5f#r2 (any passage id works)")
    String id;

    @Option(names = "--limit", description = "number of similar passages (default: ${DEFAULT-VALUE})") int limit = 10;

    @Mixin Locations.WarehouseFile db;

    @Mixin Locations.IndexFolder index;

    @Override
    public Integer call() throws Exception {
        Path indexPath = index.path();
        Path dbPath = db.path();
        try (PassageSearcher searcher = new PassageSearcher(indexPath)) {
            Passage p = searcher.passage(id).orElse(null);
            if (p == null) {
                System.err.println("similar: no passage with id " + id + " (ids are printed by `hmip search`)");
                return 2;
            }
            System.out.printf("%s [%s] %s p.%d%s%n    %s%n", p.id(), p.kind(), p.docId(), p.page(),
                    p.provider() == null ? "" : "  " + p.provider(), p.text());
            if (Files.exists(dbPath) && "recommendation".equals(p.kind())) printCluster(dbPath);
            SearchResult r = searcher.similar(id, limit);
            System.out.printf("%nmost similar %s passages in other documents (%s)%n", p.kind(),
                    r.mode().name().toLowerCase());
            int rank = 0;
            for (SearchHit h : r.hits()) {
                Passage q = h.passage();
                System.out.printf("%2d. %s  %s p.%d  %s · %s%n    %s%n", ++rank, q.id(), q.docId(), q.page(),
                        q.provider() == null ? "-" : q.provider(), q.region() == null ? "-" : q.region(),
                        q.text().replaceAll("\\s+", " "));
            }
            return 0;
        }
    }

    private void printCluster(Path dbPath) throws Exception {
        try (Warehouse wh = Warehouse.openReadOnly(dbPath);
             PreparedStatement ps = wh.connection().prepareStatement("SELECT c2.rec_id, c2.doc_id, c2.provider, "
                     + "c2.number, c2.size, d.doc_type FROM rec_clusters c1 JOIN rec_clusters c2 USING (cluster_id) "
                     + "LEFT JOIN documents d ON d.doc_id = c2.doc_id WHERE c1.rec_id = ? ORDER BY c2.doc_id")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                boolean first = true;
                while (rs.next()) {
                    if (first) {
                        System.out.printf("%nnear-duplicate cluster (%d sources)%n", rs.getInt(5));
                        first = false;
                    }
                    System.out.printf("  %s  %s (%s)  %s no. %s%n", rs.getString(1), rs.getString(2), rs.getString(6),
                            rs.getString(3), rs.getString(4));
                }
            }
        }
    }
}
