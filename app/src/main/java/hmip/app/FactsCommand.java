package hmip.app;

import hmip.load.Warehouse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hmip facts}: the numbers inspectors cite, with what they count, by theme and region — e.g.
 * {@code hmip facts --theme domestic_abuse --about backlog} answers "how big are domestic-abuse backlogs
 * across regions".
 */
@Command(name = "facts", description = "Quantitative facts (numbers with what they count) by theme, region and wording.")
final class FactsCommand implements Callable<Integer> {
    @Option(names = "--theme", description = "theme id (see `hmip themes`)") String theme;

    @Option(names = "--about", description = "a word the fact or its sentence contains, e.g. backlog, delay, vacancy") String about;

    @Option(names = "--region", description = "only this region") String region;

    @Option(names = "--unit", description = "only this unit: percent, case, week, staff ...") String unit;

    @Option(names = "--limit", description = "rows (default: ${DEFAULT-VALUE})") int limit = 50;

    @Mixin Locations.WarehouseFile db;

    @Override
    public Integer call() throws Exception {
        String sql = "SELECT coalesce(region, '-'), coalesce(provider, '-'), value_text, coalesce(unit, ''), "
                + "coalesce(CAST(total AS INTEGER)::VARCHAR, ''), phrase, doc_id, page, themes FROM quant_facts "
                + "WHERE (CAST(? AS VARCHAR) IS NULL OR list_contains(string_split(themes, ','), ?)) "
                + "AND (CAST(? AS VARCHAR) IS NULL OR measure ILIKE '%' || ? || '%' OR phrase ILIKE '%' || ? || '%' "
                + "     OR sentence ILIKE '%' || ? || '%') "
                + "AND (CAST(? AS VARCHAR) IS NULL OR region = ?) AND (CAST(? AS VARCHAR) IS NULL OR unit = ?) "
                + "ORDER BY region, value DESC LIMIT ?";
        try (Warehouse wh = Warehouse.openReadOnly(db.path());
             PreparedStatement ps = wh.connection().prepareStatement(sql)) {
            String theme, region, unit;
            try {
                theme = this.theme == null ? null : SearchCommand.themes(new KnownValues("--theme")).check(this.theme);
                region = this.region == null ? null : KnownValues.of("--region", TrendsCommand.strings(wh,
                        "SELECT DISTINCT region FROM documents WHERE region IS NOT NULL ORDER BY 1")).check(this.region);
                unit = this.unit == null ? null : KnownValues.of("--unit", TrendsCommand.strings(wh,
                        "SELECT DISTINCT unit FROM quant_facts WHERE unit IS NOT NULL ORDER BY 1")).check(this.unit);
            } catch (KnownValues.UnknownValueException e) {
                System.err.println("facts: " + e.getMessage());
                return 2;
            }
            int i = 1;
            ps.setString(i++, theme);
            ps.setString(i++, theme);
            for (int k = 0; k < 4; k++) ps.setString(i++, about);
            ps.setString(i++, region);
            ps.setString(i++, region);
            ps.setString(i++, unit);
            ps.setString(i++, unit);
            ps.setInt(i, limit);
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                System.out.printf("%-20s %-24s %8s %-9s %5s  %s%n", "region", "provider", "value", "unit", "of", "phrase  [document p.page]");
                while (rs.next()) {
                    n++;
                    System.out.printf("%-20s %-24s %8s %-9s %5s  %s  [%s p.%d]%n", rs.getString(1), abbreviate(rs.getString(2), 24),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8));
                }
            }
            System.out.printf("%d facts%n", n);
            return 0;
        }
    }

    private static String abbreviate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
