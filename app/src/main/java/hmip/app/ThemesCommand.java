package hmip.app;

import hmip.enrich.Taxonomy;
import hmip.load.Warehouse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hmip themes}: the taxonomy with passage counts per theme, by region. */
@Command(name = "themes", description = "List themes with counts of passages (or recommendations) by region.")
final class ThemesCommand implements Callable<Integer> {
    @Mixin Locations.WarehouseFile db;

    @Option(names = "--kind", description = "count only this passage kind, e.g. recommendation") String kind;

    @Override
    public Integer call() throws Exception {
        String kind;
        try {
            kind = KnownValues.of("--kind", SearchCommand.KINDS).check(this.kind);
        } catch (KnownValues.UnknownValueException e) {
            System.err.println("themes: " + e.getMessage());
            return 2;
        }
        Path dbPath = db.path();
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        TreeSet<String> regions = new TreeSet<>();
        try (Warehouse wh = Warehouse.openReadOnly(dbPath);
             PreparedStatement ps = wh.connection().prepareStatement("SELECT theme, coalesce(region, '(none)'), "
                     + "count(DISTINCT passage_id) FROM passage_themes WHERE (? IS NULL OR kind = ?) GROUP BY ALL")) {
            ps.setString(1, kind);
            ps.setString(2, kind);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
                    regions.add(rs.getString(2));
                }
            }
        }
        List<String> cols = new ArrayList<>(regions);
        StringBuilder header = new StringBuilder(String.format("%-28s %-44s %7s", "theme", "label", "total"));
        for (String r : cols) header.append(String.format(" %18s", abbreviate(r, 18)));
        System.out.println(header);
        for (Taxonomy.Theme t : Taxonomy.standard().themes()) {
            Map<String, Long> byRegion = counts.getOrDefault(t.id(), Map.of());
            long total = byRegion.values().stream().mapToLong(Long::longValue).sum();
            StringBuilder line = new StringBuilder(String.format("%-28s %-44s %7d", t.id(), abbreviate(t.label(), 44), total));
            for (String r : cols) line.append(String.format(" %18d", byRegion.getOrDefault(r, 0L)));
            System.out.println(line);
        }
        System.out.printf("%n%d themes; counts are %s with the theme%n", Taxonomy.standard().themes().size(),
                kind == null ? "passages" : kind + " passages");
        return 0;
    }

    private static String abbreviate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
