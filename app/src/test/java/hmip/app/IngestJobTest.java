package hmip.app;

import static org.assertj.core.api.Assertions.assertThat;

import hmip.load.Warehouse;
import hmip.parse.ParseLimits;
import hmip.search.PassageSearcher;
import hmip.search.SearchHit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole ingest on the sample corpus: counts, idempotency, replacement and the first search. */
class IngestJobTest {
    @TempDir
    static Path tmp;
    static Path db;
    static Path index;
    static IngestSummary first;

    static Path reports() {
        String root = System.getProperty("hmip.root", "..");
        return Path.of(root).resolve("data/reports");
    }

    static IngestSummary ingest(List<Path> inputs, Path db, Path index) throws Exception {
        var options = new IngestJob.Options(inputs, db, index, 2, ParseLimits.DEFAULT, false);
        return new IngestJob(options, hmip.pipeline.Pipeline.standard()).run(new IngestJob.Listener() {
            @Override
            public void started(int files) {}

            @Override
            public void finished(FileOutcome outcome) {}
        });
    }

    @BeforeAll
    static void ingestSamples() throws Exception {
        db = tmp.resolve("w.duckdb");
        index = tmp.resolve("index");
        first = ingest(List.of(reports()), db, index);
    }

    @Test
    void loadsEverySamplePdfWithItsPageCount() throws Exception {
        assertThat(first.count(FileOutcome.Status.LOADED)).isEqualTo(5);
        assertThat(first.count(FileOutcome.Status.FAILED)).isZero();
        try (Warehouse wh = Warehouse.openReadOnly(db); var st = wh.connection().createStatement();
             var rs = st.executeQuery("SELECT path, pages, (SELECT count(*) FROM pages p WHERE p.doc_id = d.doc_id) "
                     + "FROM documents d")) {
            while (rs.next()) {
                try (PDDocument pdf = Loader.loadPDF(Path.of(rs.getString(1)).toFile())) {
                    assertThat(rs.getInt(2)).isEqualTo(pdf.getNumberOfPages());
                    assertThat(rs.getInt(3)).isEqualTo(pdf.getNumberOfPages());
                }
            }
        }
    }

    @Test
    void reingestingUnchangedFilesSkipsThemAndKeepsRowCounts() throws Exception {
        Map<String, Long> before = counts(db);
        IngestSummary again = ingest(List.of(reports()), db, index);
        assertThat(again.count(FileOutcome.Status.UNCHANGED)).isEqualTo(5);
        assertThat(again.count(FileOutcome.Status.LOADED)).isZero();
        Map<String, Long> after = counts(db);
        before.remove("ingest_runs");
        after.remove("ingest_runs");
        assertThat(after).isEqualTo(before);
    }

    @Test
    void aChangedFileReplacesItsRows() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("changing"));
        Path file = dir.resolve("report.pdf");
        Files.copy(reports().resolve("004_2024088064c08f13.pdf"), file);
        Path db2 = tmp.resolve("changing.duckdb");
        Path index2 = tmp.resolve("changing-index");
        ingest(List.of(dir), db2, index2);
        Map<String, Long> before = counts(db2);
        // PDFBox reads lazily from the file, so the changed copy is saved from memory, not over its source
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(file))) {
            pdf.getDocumentInformation().setSubject("changed copy");
            var out = new java.io.ByteArrayOutputStream();
            pdf.save(out);
            Files.write(file, out.toByteArray());
        }
        IngestSummary second = ingest(List.of(dir), db2, index2);
        assertThat(second.count(FileOutcome.Status.LOADED)).isEqualTo(1);
        Map<String, Long> after = counts(db2);
        assertThat(after.get("documents")).as("after %s before %s", after, before).isEqualTo(1);
        assertThat(after.get("pages")).isEqualTo(before.get("pages"));
        assertThat(after.get("blocks")).as("after %s before %s", after, before).isEqualTo(before.get("blocks"));
        try (PassageSearcher s = new PassageSearcher(index2)) {
            assertThat(s.passageCount()).isEqualTo(hmip.search.PassageIndex.passageCount(index2, "report"));
        }
    }

    @Test
    void domesticAbuseBacklogFindsTheLiverpoolNorthBacklogInTheTopThree() throws Exception {
        try (PassageSearcher s = new PassageSearcher(index)) {
            List<SearchHit> hits = s.search("domestic abuse backlog", 3);
            assertThat(hits).anySatisfy(h -> {
                assertThat(h.passage().docId()).isEqualTo("001_26fef9cbb675eeb2");
                assertThat(h.passage().text()).contains("backlog of 1,350");
                assertThat(h.passage().page()).isPositive();
            });
        }
    }

    private static Map<String, Long> counts(Path db) throws Exception {
        try (Warehouse wh = Warehouse.openReadOnly(db)) {
            return new java.util.LinkedHashMap<>(wh.rowCounts());
        }
    }

}
