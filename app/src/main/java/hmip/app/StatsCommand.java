package hmip.app;

import hmip.load.Warehouse;
import hmip.search.IndexedDocuments;
import hmip.search.PassageSearcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hmip stats}: what the warehouse and index hold, and whether they agree. */
@Command(name = "stats", description = "Row counts, documents by status and type, index size and agreement.")
final class StatsCommand implements Callable<Integer> {
    @Mixin Locations.WarehouseFile db;

    @Mixin Locations.IndexFolder index;

    @Override
    public Integer call() throws Exception {
        Path dbPath = db.path();
        Path indexPath = index.path();
        try (Warehouse wh = Warehouse.openReadOnly(dbPath)) {
            System.out.println("warehouse " + dbPath);
            for (Map.Entry<String, Long> e : wh.rowCounts().entrySet()) {
                System.out.printf("  %-18s %8d%n", e.getKey(), e.getValue());
            }
            try (Statement st = wh.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT status, coalesce(doc_type, error_code, '-') AS kind, count(*), "
                         + "sum(coalesce(pages, 0)) FROM documents GROUP BY ALL ORDER BY ALL")) {
                System.out.println("documents by status and type");
                while (rs.next()) {
                    System.out.printf("  %-7s %-22s %4d files %6d pages%n", rs.getString(1), rs.getString(2),
                            rs.getInt(3), rs.getLong(4));
                }
            }
            try (Statement st = wh.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT status_level, count(*) FROM documents WHERE status = 'ok' "
                         + "GROUP BY ALL ORDER BY ALL")) {
                System.out.println("loaded documents by how completely they were read");
                while (rs.next()) System.out.printf("  %-14s %4d%n", rs.getString(1), rs.getInt(2));
            }
            if (Files.isDirectory(indexPath) && !IndexedDocuments.of(indexPath).isEmpty()) {
                try (PassageSearcher s = new PassageSearcher(indexPath)) {
                    System.out.printf("index %s%n  passages %d%n", indexPath, s.passageCount());
                }
            } else {
                System.out.println("index " + indexPath + ": missing or empty");
            }
            System.out.println(IndexAgreement.check(wh, indexPath).summary());
            return 0;
        }
    }
}
