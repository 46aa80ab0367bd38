package hmip.app;

import hmip.load.Warehouse;
import hmip.reference.Reference;
import hmip.validate.Comparison;
import hmip.validate.Csv;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hmip compare}: the 2018 NPS division's rating beside the distribution of the 2021+ PDU ratings of the
 * regions it became (or of one region), one row per canonical standard. Read-only; uses the
 * {@code ratings_comparable} view, whose unit names are resolved when documents are stored or by {@code hmip check}.
 */
@Command(name = "compare", description = "2018 NPS division vs 2021+ PDU ratings, standard by standard.")
final class CompareCommand implements Callable<Integer> {
    @Mixin Locations.WarehouseFile db;

    static final class Scope {
        @Option(names = "--lineage", description = "an NPS division (e.g. \"North West\"): all the regions it became")
        String lineage;

        @Option(names = "--region", description = "one 2021+ region (e.g. \"Greater Manchester\") and its 2018 division")
        String region;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Scope scope;

    @Option(names = "--csv", description = "print CSV instead of a table")
    boolean csv;

    @Option(names = "--pdus", description = "list each PDU's rating beside the distribution")
    boolean pdus;

    @Option(names = "--division-year", description = "use the division's inspection of this year (default: the latest)")
    Integer divisionYear;

    @Override
    public Integer call() throws Exception {
        Path dbPath = db.path();
        Comparison.Table t;
        try (Warehouse wh = Warehouse.openReadOnly(dbPath)) {
            try {
                t = Comparison.build(wh.connection(), Reference.bundled(), scope.lineage, scope.region, divisionYear);
            } catch (IllegalArgumentException e) {
                // the gazetteer knows no such name: say which known names are nearest
                String option = scope.lineage != null ? "--lineage" : "--region";
                String column = scope.lineage != null ? "nps_division_2018" : "region_2021";
                KnownValues known = KnownValues.of(option, TrendsCommand.strings(wh,
                        "SELECT DISTINCT " + column + " FROM ref_nps_lineage WHERE " + column + " IS NOT NULL ORDER BY 1"));
                System.err.println("compare: " + known.message(scope.lineage != null ? scope.lineage : scope.region));
                return 2;
            }
            if (t.divisionDocs().isEmpty() && t.pdus().values().stream().allMatch(java.util.Set::isEmpty)) {
                // a name the reference knows, but nothing of it in this warehouse: a table of dashes says nothing
                System.err.println("compare: the warehouse has no ratings for " + (scope.lineage != null
                        ? "NPS division \"" + scope.lineage + "\"" : "region \"" + scope.region + "\"")
                        + "; " + withData(wh));
                return 2;
            }
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("ratings_comparable")) {
                System.err.println("compare: the warehouse has no ratings_comparable view yet; run `./hmip check` once");
                return 2;
            }
            throw e;
        }
        if (csv) printCsv(t);
        else printTable(t);
        return 0;
    }

    /** The divisions and regions this warehouse has ratings for (for the message above). */
    private static String withData(Warehouse wh) throws SQLException {
        List<String> divisions = TrendsCommand.strings(wh, "SELECT DISTINCT l.nps_division_2018 FROM ref_nps_lineage l "
                + "JOIN documents d ON lower(d.region) = lower(l.nps_division_2018) OR lower(d.region) = lower(l.region_2021) "
                + "WHERE d.framework = 'nps_2018' ORDER BY 1");
        List<String> regions = TrendsCommand.strings(wh, "SELECT DISTINCT region FROM documents WHERE region IS NOT NULL "
                + "AND framework = 'pdu_2021' ORDER BY 1");
        return "divisions with 2018 ratings: " + (divisions.isEmpty() ? "none" : String.join(", ", divisions))
                + "; regions with 2021+ PDU ratings: " + (regions.isEmpty() ? "none" : String.join(", ", regions));
    }

    private void printCsv(Comparison.Table t) {
        List<String> header = new ArrayList<>(List.of("canonical_standard", "name", "nps_division", "division_rating"));
        for (String r : t.regions()) {
            String p = slug(r) + "_";
            header.add(p + "pdus");
            for (String rating : Comparison.RATINGS) header.add(p + slug(rating));
            if (pdus) header.add(p + "pdu_ratings");
        }
        System.out.println(String.join(",", header));
        for (Comparison.Row row : t.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.canonicalStandard(), row.name(), t.division(),
                    row.divisionRating() == null ? "" : row.divisionRating()));
            for (String r : t.regions()) {
                var d = row.byRegion().getOrDefault(r, java.util.Map.of());
                cells.add(String.valueOf(d.values().stream().mapToInt(Integer::intValue).sum()));
                for (String rating : Comparison.RATINGS) cells.add(String.valueOf(d.getOrDefault(rating, 0)));
                if (pdus) cells.add(String.join("; ", row.pdusByRegion().getOrDefault(r, List.of())));
            }
            System.out.println(String.join(",", cells.stream().map(Csv::quote).toList()));
        }
    }

    private void printTable(Comparison.Table t) {
        List<String> header = new ArrayList<>(List.of("standard", "", "NPS " + t.division() + " " + years(t.divisionYears())));
        for (String r : t.regions()) {
            header.add(r + " PDUs " + years(t.years().get(r)) + " (n=" + t.pdus().get(r).size() + ")");
        }
        List<List<String>> rows = new ArrayList<>();
        for (Comparison.Row row : t.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.canonicalStandard(), row.name(),
                    row.divisionRating() == null ? "-" : row.divisionRating()));
            for (String r : t.regions()) {
                String d = row.distribution(r);
                if (pdus && row.pdusByRegion().containsKey(r)) d += "  (" + String.join(", ", row.pdusByRegion().get(r)) + ")";
                cells.add(d);
            }
            rows.add(cells);
        }
        int[] w = new int[header.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = header.get(i).length();
            for (List<String> r : rows) w[i] = Math.max(w[i], r.get(i).length());
        }
        System.out.println(line(header, w));
        StringBuilder rule = new StringBuilder();
        for (int x : w) rule.append("-".repeat(x)).append("  ");
        System.out.println(rule.toString().stripTrailing());
        for (List<String> r : rows) System.out.println(line(r, w));
        System.out.println();
        System.out.println("O Outstanding, G Good, RI Requires improvement, I Inadequate, NR Not rated; counts of PDUs. "
                + "Division: " + String.join(", ", t.divisionDocs()));
        for (String r : t.regions()) System.out.println(r + " PDUs: " + String.join(", ", t.pdus().get(r)));
    }

    private static String line(List<String> cells, int[] w) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) sb.append(String.format("%-" + w[i] + "s  ", cells.get(i)));
        return sb.toString().stripTrailing();
    }

    private static String years(java.util.Set<String> ys) {
        if (ys == null || ys.isEmpty()) return "";
        List<String> l = new ArrayList<>(ys);
        return l.size() == 1 ? l.get(0) : l.get(0) + "-" + l.get(l.size() - 1);
    }

    private static String slug(String s) { return s.toLowerCase().replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", ""); }
}
