package hmip.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import hmip.trends.TrendDefinition;
import hmip.trends.TrendFilter;
import hmip.trends.TrendTable;
import hmip.trends.Trends;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes every table and view of the warehouse's main schema to a folder: one file per relation for CSV
 * and Parquet (DuckDB {@code COPY}), one workbook {@code hmip.xlsx} with a sheet per relation for XLSX,
 * and always {@code data_dictionary.csv} and {@code data_dictionary.md} beside them.
 */
public final class Exporter {
    /** Excel's limits: characters in a cell, rows in a sheet. */
    static final int XLSX_MAX_CELL = 32_767;
    static final int XLSX_MAX_ROWS = 1_048_576;

    public enum Format { CSV, PARQUET, XLSX }

    /** A table or view of the warehouse and its columns (name and DuckDB type), in column order. */
    public record Relation(String name, String kind, List<String> columns, List<String> types) {}

    /** What an export wrote: row counts per relation and per trend table, files, and anything Excel's limits cut. */
    public record Result(Map<String, Long> rowCounts, Map<String, Long> trendRows, List<Path> files,
                         List<String> warnings) {}

    private Exporter() {}

    /** Tables (kind 'table') and views (kind 'view') of the main schema, tables first, by name. */
    public static List<Relation> relations(Connection c) throws SQLException {
        List<Relation> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT t.table_name, CASE WHEN t.table_type = 'VIEW' THEN 'view' "
                     + "ELSE 'table' END, list(c.column_name ORDER BY c.ordinal_position), "
                     + "list(c.data_type ORDER BY c.ordinal_position) "
                     + "FROM information_schema.tables t JOIN information_schema.columns c "
                     + "ON c.table_schema = t.table_schema AND c.table_name = t.table_name "
                     + "WHERE t.table_schema = 'main' AND t.table_catalog = current_database() "
                     + "AND c.table_catalog = current_database() "
                     + "GROUP BY ALL ORDER BY 2, 1")) {
            while (rs.next()) {
                out.add(new Relation(rs.getString(1), rs.getString(2), strings(rs.getArray(3)), strings(rs.getArray(4))));
            }
        }
        return out;
    }

    private static List<String> strings(java.sql.Array a) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Object o : (Object[]) a.getArray()) out.add(String.valueOf(o));
        return out;
    }

    /** Exports every table and view, without the trend tables. */
    public static Result export(Connection c, Format format, Path outDir) throws SQLException, IOException {
        return export(c, format, outDir, false);
    }

    /**
     * Exports every table and view and, with {@code withTrends}, every trend table of the catalogue (unfiltered)
     * into {@code trends/} (CSV, Parquet: DuckDB COPY of the table's SQL) or {@code trends.xlsx}.
     */
    public static Result export(Connection c, Format format, Path outDir, boolean withTrends)
            throws SQLException, IOException {
        Files.createDirectories(outDir);
        List<Relation> relations = relations(c);
        Map<String, Long> counts = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Relation r : relations) counts.put(r.name(), count(c, r.name()));
        switch (format) {
            case CSV, PARQUET -> {
                String ext = format == Format.CSV ? "csv" : "parquet";
                String options = format == Format.CSV ? "(FORMAT csv, HEADER true)" : "(FORMAT parquet, COMPRESSION zstd)";
                try (Statement st = c.createStatement()) {
                    for (Relation r : relations) {
                        Path file = outDir.resolve(r.name() + "." + ext).toAbsolutePath();
                        st.execute("COPY (SELECT * FROM " + ident(r.name()) + ") TO " + literal(file.toString()) + " " + options);
                        files.add(file);
                    }
                }
            }
            case XLSX -> {
                Path file = outDir.resolve("hmip.xlsx").toAbsolutePath();
                writeWorkbook(c, relations, file, warnings);
                files.add(file);
            }
        }
        Map<String, Long> trendRows = new LinkedHashMap<>();
        List<String[]> trendInfo = new ArrayList<>();
        if (withTrends) files.addAll(exportTrends(c, format, outDir, trendRows, trendInfo, warnings));
        files.addAll(writeDictionary(relations, counts, format, outDir, warnings, trendInfo));
        return new Result(counts, trendRows, files, warnings);
    }

    private static List<Path> exportTrends(Connection c, Format format, Path outDir, Map<String, Long> rows,
                                           List<String[]> info, List<String> warnings) throws SQLException, IOException {
        List<Path> files = new ArrayList<>();
        if (format == Format.XLSX) {
            List<TrendTable> tables = new ArrayList<>();
            for (TrendDefinition d : Trends.catalog()) {
                TrendTable t = Trends.run(c, d.name(), TrendFilter.NONE);
                tables.add(t);
                rows.put(d.name(), (long) t.rows().size());
                info.add(new String[] {d.name(), d.title(), d.description(), String.join(" ", t.notes()),
                        "trends.xlsx#" + sheetName(d.name())});
            }
            Path file = outDir.resolve("trends.xlsx").toAbsolutePath();
            writeTrendWorkbook(tables, file);
            files.add(file);
            return files;
        }
        Path dir = outDir.resolve("trends");
        Files.createDirectories(dir);
        String ext = format == Format.CSV ? "csv" : "parquet";
        String options = format == Format.CSV ? "(FORMAT csv, HEADER true)" : "(FORMAT parquet, COMPRESSION zstd)";
        for (TrendDefinition d : Trends.catalog()) {
            Trends.Query q = Trends.query(c, d.name());
            if (q.sql() == null) continue;
            Path file = dir.resolve(d.name() + "." + ext).toAbsolutePath();
            try (PreparedStatement ps = c.prepareStatement("COPY (" + q.sql() + "\n) TO " + literal(file.toString())
                    + " " + options)) {
                Trends.bind(ps, TrendFilter.NONE);
                ps.execute();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM (" + q.sql() + "\n)")) {
                Trends.bind(ps, TrendFilter.NONE);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    rows.put(d.name(), rs.getLong(1));
                }
            }
            info.add(new String[] {d.name(), d.title(), d.description(), String.join(" ", q.notes()),
                    "trends/" + d.name() + "." + ext});
            files.add(file);
        }
        return files;
    }

    private static void writeTrendWorkbook(List<TrendTable> tables, Path file) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle header = wb.createCellStyle();
            header.setFont(bold);
            Sheet about = wb.createSheet("about");
            String[] heads = {"sheet", "title", "description", "rows", "notes"};
            Row h = about.createRow(0);
            for (int i = 0; i < heads.length; i++) cell(h, i, heads[i], header);
            int n = 1;
            for (TrendTable t : tables) {
                Row r = about.createRow(n++);
                cell(r, 0, sheetName(t.definition().name()), null);
                cell(r, 1, t.definition().title(), null);
                cell(r, 2, t.definition().description(), null);
                r.createCell(3).setCellValue(t.rows().size());
                cell(r, 4, String.join(" ", t.notes()), null);
            }
            for (TrendTable t : tables) {
                Sheet sheet = wb.createSheet(sheetName(t.definition().name()));
                Row hr = sheet.createRow(0);
                for (int i = 0; i < t.columns().size(); i++) cell(hr, i, t.columns().get(i), header);
                int rowNo = 1;
                for (List<Object> values : t.rows()) {
                    Row row = sheet.createRow(rowNo++);
                    for (int i = 0; i < values.size(); i++) {
                        Object v = values.get(i);
                        if (v == null) continue;
                        Cell cl = row.createCell(i);
                        if (v instanceof Number num) cl.setCellValue(num.doubleValue());
                        else if (v instanceof Boolean b) cl.setCellValue(b);
                        else cl.setCellValue(v.toString());
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + ident(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void writeWorkbook(Connection c, List<Relation> relations, Path file, List<String> warnings)
            throws SQLException, IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            wb.setCompressTempFiles(true);
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle header = wb.createCellStyle();
            header.setFont(bold);
            DataDictionary dict = DataDictionary.standard();
            SXSSFSheet index = wb.createSheet("dictionary");
            Row h = index.createRow(0);
            String[] heads = {"sheet", "kind", "column", "type", "meaning"};
            for (int i = 0; i < heads.length; i++) cell(h, i, heads[i], header);
            int n = 1;
            for (Relation r : relations) {
                for (int i = 0; i < r.columns().size(); i++) {
                    Row row = index.createRow(n++);
                    cell(row, 0, sheetName(r.name()), null);
                    cell(row, 1, r.kind(), null);
                    cell(row, 2, r.columns().get(i), null);
                    cell(row, 3, r.types().get(i), null);
                    cell(row, 4, dict.meaning(r.name(), r.columns().get(i)).orElse(""), null);
                }
            }
            for (Relation r : relations) {
                Sheet sheet = wb.createSheet(sheetName(r.name()));
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + ident(r.name()))) {
                    ResultSetMetaData md = rs.getMetaData();
                    int cols = md.getColumnCount();
                    Row hr = sheet.createRow(0);
                    for (int i = 1; i <= cols; i++) cell(hr, i - 1, md.getColumnLabel(i), header);
                    int rowNo = 1;
                    int truncatedCells = 0;
                    long dropped = 0;
                    while (rs.next()) {
                        if (rowNo >= XLSX_MAX_ROWS) {
                            dropped++;
                            continue;
                        }
                        Row row = sheet.createRow(rowNo++);
                        for (int i = 1; i <= cols; i++) {
                            Object v = rs.getObject(i);
                            if (v == null) continue;
                            Cell cell = row.createCell(i - 1);
                            if (v instanceof Number num && !(v instanceof java.math.BigInteger)) {
                                cell.setCellValue(num.doubleValue());
                            } else if (v instanceof Boolean b) {
                                cell.setCellValue(b);
                            } else {
                                String s = v.toString();
                                if (s.length() > XLSX_MAX_CELL) {
                                    s = s.substring(0, XLSX_MAX_CELL - 20) + " [truncated]";
                                    truncatedCells++;
                                }
                                cell.setCellValue(s);
                            }
                        }
                    }
                    if (truncatedCells > 0) {
                        warnings.add(r.name() + ": " + truncatedCells + " cells longer than Excel's " + XLSX_MAX_CELL
                                + " characters were truncated in hmip.xlsx (the CSV and Parquet exports are complete)");
                    }
                    if (dropped > 0) {
                        warnings.add(r.name() + ": " + dropped + " rows beyond Excel's row limit were left out of hmip.xlsx");
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    private static void cell(Row row, int i, String v, CellStyle style) {
        Cell c = row.createCell(i);
        c.setCellValue(v);
        if (style != null) c.setCellStyle(style);
    }

    private static String sheetName(String table) {
        return table.length() <= 31 ? table : table.substring(0, 31);
    }

    private static List<Path> writeDictionary(List<Relation> relations, Map<String, Long> counts, Format format,
                                              Path outDir, List<String> warnings, List<String[]> trends)
            throws IOException {
        DataDictionary dict = DataDictionary.standard();
        Path csv = outDir.resolve("data_dictionary.csv");
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
                     .setHeader("table", "kind", "column", "type", "meaning", "file").get())) {
            for (Relation r : relations) {
                for (int i = 0; i < r.columns().size(); i++) {
                    p.printRecord(r.name(), r.kind(), r.columns().get(i), r.types().get(i),
                            dict.meaning(r.name(), r.columns().get(i)).orElse(""), fileOf(r, format));
                }
            }
        }
        Path md = outDir.resolve("data_dictionary.md");
        StringBuilder sb = new StringBuilder("# HMIP warehouse export: data dictionary\n\n");
        sb.append("Format: ").append(format.name().toLowerCase(Locale.ROOT)).append(". One ")
                .append(format == Format.XLSX ? "sheet of hmip.xlsx" : "file").append(" per table or view.\n\n");
        sb.append("| table | kind | rows | file |\n|---|---|---:|---|\n");
        for (Relation r : relations) {
            sb.append("| ").append(r.name()).append(" | ").append(r.kind()).append(" | ").append(counts.get(r.name()))
                    .append(" | ").append(fileOf(r, format)).append(" |\n");
        }
        for (Relation r : relations) {
            sb.append("\n## ").append(r.name()).append(" (").append(r.kind()).append(")\n\n| column | type | meaning |\n|---|---|---|\n");
            for (int i = 0; i < r.columns().size(); i++) {
                sb.append("| ").append(r.columns().get(i)).append(" | ").append(r.types().get(i)).append(" | ")
                        .append(dict.meaning(r.name(), r.columns().get(i)).orElse("").replace("|", "\\|")).append(" |\n");
            }
        }
        if (!trends.isEmpty()) {
            sb.append("\n## Trend tables (unfiltered; `./hmip trends` lists them)\n\n| table | file | title | meaning |\n|---|---|---|---|\n");
            for (String[] t : trends) {
                sb.append("| ").append(t[0]).append(" | ").append(t[4]).append(" | ").append(t[1]).append(" | ")
                        .append((t[2] + (t[3].isBlank() ? "" : " Note: " + t[3])).replace("|", "\\|")).append(" |\n");
            }
        }
        if (!warnings.isEmpty()) {
            sb.append("\n## Warnings\n\n");
            for (String w : warnings) sb.append("- ").append(w).append('\n');
        }
        Files.writeString(md, sb.toString(), StandardCharsets.UTF_8);
        return List.of(csv, md);
    }

    private static String fileOf(Relation r, Format format) {
        return switch (format) {
            case CSV -> r.name() + ".csv";
            case PARQUET -> r.name() + ".parquet";
            case XLSX -> "hmip.xlsx#" + sheetName(r.name());
        };
    }

    /** A double-quoted SQL identifier. */
    static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** A single-quoted SQL string literal (COPY takes no parameter for its target path). */
    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** Row counts of every relation, as an export would report them. */
    public static Map<String, Long> rowCounts(Connection c) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Relation r : relations(c)) counts.put(r.name(), count(c, r.name()));
        return counts;
    }

    /** Reads back a Parquet file's row count with DuckDB, for checks. */
    public static long parquetRows(Connection c, Path file) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM read_parquet(?)")) {
            ps.setString(1, file.toAbsolutePath().toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
