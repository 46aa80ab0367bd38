package hmip.app;

import hmip.export.Exporter;
import hmip.load.Warehouse;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hmip export}: every warehouse table and view to CSV, Parquet or XLSX, with a data dictionary. */
@Command(name = "export", sortOptions = false,
        description = {"Write every warehouse table and view to CSV or Parquet (one file each, DuckDB COPY) or "
                + "to one XLSX workbook (a sheet each), with data_dictionary.csv and data_dictionary.md beside them, "
                + "and the trend tables (unfiltered) in trends/ or trends.xlsx."})
final class ExportCommand implements Callable<Integer> {
    @Option(names = "--format", required = true, description = "csv, parquet or xlsx")
    Exporter.Format format;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: var/export/FORMAT)")
    Path out;

    @Option(names = "--trends", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "also write every trend table, unfiltered, to trends/ (trends.xlsx for xlsx); default: on")
    boolean trends;

    @Mixin Locations.WarehouseFile db;

    @Override
    public Integer call() throws Exception {
        Path dir = out != null ? out : Locations.home().resolve("var/export/" + format.name().toLowerCase(Locale.ROOT));
        try (Warehouse wh = Warehouse.openReadOnly(db.path())) {
            Exporter.Result r = Exporter.export(wh.connection(), format, dir, trends);
            for (Map.Entry<String, Long> e : r.rowCounts().entrySet()) {
                System.out.printf("  %-28s %9d rows%n", e.getKey(), e.getValue());
            }
            for (Map.Entry<String, Long> e : r.trendRows().entrySet()) {
                System.out.printf("  %-28s %9d rows%n", "trend " + e.getKey(), e.getValue());
            }
            for (String w : r.warnings()) System.out.println("warning: " + w);
            System.out.printf("exported %d tables and views as %s to %s (data dictionary: %s)%n", r.rowCounts().size(),
                    format.name().toLowerCase(Locale.ROOT), dir.toAbsolutePath(), dir.resolve("data_dictionary.md"));
            return 0;
        }
    }
}
