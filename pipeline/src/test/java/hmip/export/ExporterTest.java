package hmip.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import hmip.load.Warehouse;
import hmip.trends.GoldWarehouse;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExporterTest {
    @TempDir
    static Path tmp;
    static Warehouse wh;

    @BeforeAll
    static void load() throws Exception {
        assumeTrue(GoldWarehouse.goldDir() != null, "shared/corpus/gold is not beside the repository");
        Path db = tmp.resolve("gold.duckdb");
        GoldWarehouse.build(db);
        try (Warehouse w = Warehouse.open(db); Statement st = w.connection().createStatement()) {
            st.execute("CREATE VIEW provider_ratings_demo AS SELECT provider, count(*) AS n FROM ratings GROUP BY 1");
        }
        wh = Warehouse.openReadOnly(db);
    }

    @AfterAll
    static void close() throws Exception {
        if (wh != null) wh.close();
    }

    @Test
    void parquetExportHasTheWarehouseRowCounts() throws Exception {
        Path out = tmp.resolve("parquet");
        Exporter.Result res = Exporter.export(wh.connection(), Exporter.Format.PARQUET, out);
        Map<String, Long> counts = Exporter.rowCounts(wh.connection());
        assertThat(res.rowCounts()).isEqualTo(counts);
        assertThat(counts).containsKeys("documents", "ratings", "recommendations", "ref_standards", "provider_ratings_demo");
        assertThat(counts.get("ratings")).isPositive();
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            Path f = out.resolve(e.getKey() + ".parquet");
            assertThat(f).exists();
            assertThat(Exporter.parquetRows(wh.connection(), f)).as(e.getKey()).isEqualTo(e.getValue());
        }
        assertThat(out.resolve("data_dictionary.csv")).exists();
        assertThat(Files.readString(out.resolve("data_dictionary.md"))).contains("| ratings | table | " + counts.get("ratings"));
    }

    @Test
    void csvExportHasHeaderAndRows() throws Exception {
        Path out = tmp.resolve("csv");
        Exporter.export(wh.connection(), Exporter.Format.CSV, out);
        List<String> lines = Files.readAllLines(out.resolve("ref_standards.csv"));
        assertThat(lines.get(0)).isEqualTo("framework,code,name,domain,rated,canonical_standard,canonical_name");
        try (Statement st = wh.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM read_csv('" + out.resolve("recommendations.csv")
                     + "', header = true)")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(Exporter.rowCounts(wh.connection()).get("recommendations"));
        }
        List<String> dict = Files.readAllLines(out.resolve("data_dictionary.csv"));
        assertThat(dict.get(0)).isEqualTo("table,kind,column,type,meaning,file");
        assertThat(dict).anyMatch(l -> l.startsWith("ratings,table,canonical_standard,VARCHAR,"));
    }

    @Test
    void xlsxWorkbookHasASheetPerRelationWithAllRows() throws Exception {
        Path out = tmp.resolve("xlsx");
        Exporter.export(wh.connection(), Exporter.Format.XLSX, out);
        Map<String, Long> counts = Exporter.rowCounts(wh.connection());
        try (InputStream in = Files.newInputStream(out.resolve("hmip.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheet("dictionary")).isNotNull();
            for (Map.Entry<String, Long> e : counts.entrySet()) {
                Sheet s = wb.getSheet(e.getKey());
                assertThat(s).as(e.getKey()).isNotNull();
                assertThat((long) s.getLastRowNum()).as(e.getKey()).isEqualTo(e.getValue());
            }
            assertThat(wb.getSheet("ratings").getRow(0).getCell(0).getStringCellValue()).isEqualTo("doc_id");
        }
    }

    @Test
    void trendTablesAreExportedWithTheirRowCounts() throws Exception {
        for (Exporter.Format f : Exporter.Format.values()) {
            Path out = tmp.resolve("trends-" + f);
            Exporter.Result res = Exporter.export(wh.connection(), f, out, true);
            assertThat(res.trendRows().keySet()).containsExactlyElementsOf(
                    hmip.trends.Trends.catalog().stream().map(hmip.trends.TrendDefinition::name).toList());
            long ratings = hmip.trends.Trends.run(wh.connection(), "ratings_by_region_year",
                    hmip.trends.TrendFilter.NONE).rows().size();
            assertThat(res.trendRows().get("ratings_by_region_year")).isEqualTo(ratings).isPositive();
            if (f == Exporter.Format.PARQUET) {
                assertThat(Exporter.parquetRows(wh.connection(), out.resolve("trends/ratings_by_region_year.parquet")))
                        .isEqualTo(ratings);
            }
            if (f == Exporter.Format.XLSX) {
                try (InputStream in = Files.newInputStream(out.resolve("trends.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
                    assertThat((long) wb.getSheet("ratings_by_region_year").getLastRowNum()).isEqualTo(ratings);
                    assertThat(wb.getSheet("about").getLastRowNum()).isEqualTo(hmip.trends.Trends.catalog().size());
                }
            }
            assertThat(Files.readString(out.resolve("data_dictionary.md"))).contains("## Trend tables");
        }
    }

    @Test
    void identifiersAndPathsAreQuoted() {
        assertThat(Exporter.ident("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(Exporter.literal("/tmp/o'brien")).isEqualTo("'/tmp/o''brien'");
    }
}
