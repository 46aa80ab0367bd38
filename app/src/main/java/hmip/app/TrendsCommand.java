package hmip.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import hmip.load.Warehouse;
import hmip.trends.TrendDefinition;
import hmip.trends.TrendFilter;
import hmip.trends.TrendTable;
import hmip.trends.Trends;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hmip trends}: the named trend tables, printed or written as table, CSV or JSON. */
@Command(name = "trends", sortOptions = false,
        description = {"Named trend tables over the warehouse (ratings by region and year, key-question spreads, "
                + "recommendations by theme ...).", "Without a NAME, lists the tables and what they mean."})
final class TrendsCommand implements Callable<Integer> {
    static final int USAGE = 2;

    enum Format { table, csv, json }

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "trend tables to compute (see the list; 'all' for every one)")
    List<String> names;

    @Option(names = "--region", description = "only this region or NPS division (case-insensitive), e.g. \"North West\"")
    String region;

    @Option(names = "--from", paramLabel = "YEAR", description = "first inspection year, inclusive")
    Integer from;

    @Option(names = "--to", paramLabel = "YEAR", description = "last inspection year, inclusive")
    Integer to;

    @Option(names = "--standard", description = "canonical standard code or name, e.g. 2.2 or Assessment")
    String standard;

    @Option(names = "--format", description = "table, csv or json (default: ${DEFAULT-VALUE})")
    Format format = Format.table;

    @Option(names = "--out", paramLabel = "DIR", description = "write one file per table (NAME.txt|csv|json) into DIR instead of printing")
    Path out;

    @Option(names = "--max-width", description = "widest column in table format; longer cells are cut (default: ${DEFAULT-VALUE}; 0 = no limit)")
    int maxWidth = 48;

    @Mixin Locations.WarehouseFile db;

    @Override
    public Integer call() throws Exception {
        if (names == null || names.isEmpty()) {
            printCatalogue(System.out);
            return 0;
        }
        List<String> selected = names.contains("all") ? Trends.catalog().stream().map(TrendDefinition::name).toList() : names;
        for (String n : selected) {
            if (Trends.catalog().stream().noneMatch(d -> d.name().equals(n))) {
                System.err.println("hmip trends: no trend table named '" + n + "'. Known tables:");
                printCatalogue(System.err);
                return USAGE;
            }
        }
        try (Warehouse wh = Warehouse.openReadOnly(db.path())) {
            TrendFilter filter;
            try {
                filter = new TrendFilter(region == null ? null : regions(wh).check(region), from, to,
                        standard == null ? null : standards(wh).check(standard));
            } catch (IllegalArgumentException | KnownValues.UnknownValueException e) {
                System.err.println("hmip trends: " + e.getMessage());
                return USAGE;
            }
            List<TrendTable> tables = new ArrayList<>();
            for (String n : selected) tables.add(Trends.run(wh.connection(), n, filter));
            if (out != null) {
                Files.createDirectories(out);
                String ext = format == Format.table ? "txt" : format.name();
                for (TrendTable t : tables) {
                    Path file = out.resolve(t.definition().name() + "." + ext);
                    Files.writeString(file, render(List.of(t), filter), StandardCharsets.UTF_8);
                    System.out.printf("%-28s %5d rows -> %s%n", t.definition().name(), t.rows().size(), file);
                }
            } else {
                System.out.print(render(tables, filter));
            }
            return 0;
        } catch (NoSuchElementException e) {
            System.err.println("hmip trends: " + e.getMessage());
            return USAGE;
        }
    }

    /** The regions documents in the warehouse belong to (trend tables filter on the document's region). */
    static KnownValues regions(Warehouse wh) throws java.sql.SQLException {
        return KnownValues.of("--region", strings(wh, "SELECT DISTINCT region FROM documents WHERE region IS NOT NULL ORDER BY 1"));
    }

    /** Canonical standard codes ("2.2"), each also by its name ("Assessment"). */
    static KnownValues standards(Warehouse wh) throws java.sql.SQLException {
        KnownValues k = new KnownValues("--standard");
        try (var st = wh.connection().createStatement();
             var rs = st.executeQuery("SELECT canonical_standard, name FROM ref_canonical_standards ORDER BY sort_order")) {
            while (rs.next()) {
                k.add(rs.getString(1));
                k.alias(rs.getString(2), rs.getString(2));
            }
        }
        return k;
    }

    static List<String> strings(Warehouse wh, String sql) throws java.sql.SQLException {
        List<String> out = new ArrayList<>();
        try (var st = wh.connection().createStatement(); var rs = st.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    private String render(List<TrendTable> tables, TrendFilter filter) throws IOException {
        return switch (format) {
            case table -> {
                StringBuilder sb = new StringBuilder();
                for (TrendTable t : tables) {
                    if (sb.length() > 0) sb.append('\n');
                    sb.append(TextTable.render(t, filter, maxWidth));
                }
                yield sb.toString();
            }
            case csv -> {
                StringWriter w = new StringWriter();
                try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
                    boolean multi = tables.size() > 1;
                    for (TrendTable t : tables) {
                        List<Object> header = new ArrayList<>();
                        if (multi) header.add("table");
                        header.addAll(t.columns());
                        p.printRecord(header);
                        for (List<Object> row : t.rows()) {
                            List<Object> r = new ArrayList<>();
                            if (multi) r.add(t.definition().name());
                            r.addAll(row);
                            p.printRecord(r);
                        }
                    }
                }
                yield w.toString();
            }
            case json -> {
                ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                List<Map<String, Object>> docs = new ArrayList<>();
                for (TrendTable t : tables) docs.add(json(t, filter));
                yield om.writeValueAsString(docs.size() == 1 ? docs.get(0) : docs) + "\n";
            }
        };
    }

    static Map<String, Object> json(TrendTable t, TrendFilter f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.definition().name());
        m.put("title", t.definition().title());
        m.put("description", t.definition().description());
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("region", f.region());
        filter.put("from", f.fromYear());
        filter.put("to", f.toYear());
        filter.put("standard", f.standard());
        m.put("filter", filter);
        m.put("columns", t.columns());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<Object> r : t.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < t.columns().size(); i++) row.put(t.columns().get(i), r.get(i));
            rows.add(row);
        }
        m.put("rows", rows);
        m.put("notes", t.notes());
        return m;
    }

    static void printCatalogue(PrintStream out) {
        out.println("Trend tables (hmip trends NAME [--region R] [--from Y] [--to Y] [--standard S] [--format table|csv|json]):");
        for (TrendDefinition d : Trends.catalog()) {
            out.printf("%n  %s%n    %s%n", d.name(), d.title());
            for (String line : wrap(d.description(), 96)) out.println("    " + line);
        }
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        if (line.length() > 0) lines.add(line.toString());
        return lines;
    }
}
