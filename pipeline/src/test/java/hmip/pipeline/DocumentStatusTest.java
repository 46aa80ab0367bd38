package hmip.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import hmip.model.DocumentStatus;
import hmip.reference.Reference;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every document gets a status that says, in plain words, how completely it was read. */
class DocumentStatusTest {
    private static final Pipeline PIPELINE = new Pipeline(Reference.bundled(), Pipeline.Options.defaults().withEnrich(false));

    private static Path sample(String stem) {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("data/reports"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("no data/reports above " + Path.of("").toAbsolutePath());
        return p.resolve("data/reports/" + stem + ".pdf");
    }

    private static DocumentStatus status(Path file) {
        PipelineResult r = PIPELINE.process(file);
        assertThat(r).isInstanceOf(PipelineResult.Processed.class);
        return ((PipelineResult.Processed) r).status();
    }

    @Test
    void anIntactReportIsComplete() {
        DocumentStatus s = status(sample("001_26fef9cbb675eeb2"));
        assertThat(s.level()).as("%s", s.reasons()).isEqualTo(DocumentStatus.COMPLETE);
        assertThat(s.reasons()).isEmpty();
    }

    @Test
    void theSameReportWithItsRatingsPageAndSecondHalfCutOutIsPartialAndSaysWhy(@TempDir Path tmp) throws Exception {
        Path cut = tmp.resolve("cut.pdf");
        try (PDDocument pdf = Loader.loadPDF(new File(sample("001_26fef9cbb675eeb2").toString()))) {
            int pages = pdf.getNumberOfPages();
            for (int i = pages - 1; i >= 13; i--) pdf.removePage(i); // the second half
            pdf.removePage(3);                                       // page 4, the ratings table
            pdf.save(cut.toFile());
        }
        DocumentStatus s = status(cut);
        assertThat(s.level()).isEqualTo(DocumentStatus.PARTIAL);
        assertThat(s.reasons()).anyMatch(r -> r.contains("printed page numbers jump from 3 to 5"));
        assertThat(s.reasons()).anyMatch(r -> r.contains("No ratings table was found"));
        assertThat(s.reasons()).anyMatch(r -> r.contains("is not printed in the ratings")); // standards of the cut half
    }

    @Test
    void aReportCutToItsCoverPageIsAPartialReportNotSomethingElse(@TempDir Path tmp) throws Exception {
        Path cover = tmp.resolve("cover.pdf");
        try (PDDocument pdf = Loader.loadPDF(new File(sample("001_26fef9cbb675eeb2").toString()))) {
            for (int i = pdf.getNumberOfPages() - 1; i >= 1; i--) pdf.removePage(i);
            pdf.save(cover.toFile());
        }
        DocumentStatus s = status(cover);
        assertThat(s.level()).isEqualTo(DocumentStatus.PARTIAL);
        assertThat(s.reasons()).anyMatch(r -> r.contains("reads as an inspection report") && r.contains("a fragment"));
    }

    @Test
    void aPressReleaseIsNotAReport(@TempDir Path tmp) throws Exception {
        Path release = Files.writeString(tmp.resolve("release.txt"), """
                HM Inspectorate of Probation
                Press release, 3 March 2024

                Probation services in Gwent require improvement, say inspectors.
                Gwent Probation Delivery Unit (PDU) has been rated as 'Requires improvement' overall, scoring 12 out of a possible 27.
                """);
        DocumentStatus s = status(release);
        assertThat(s.level()).isEqualTo(DocumentStatus.NOT_A_REPORT);
        assertThat(s.reasons()).anyMatch(r -> r.contains("press release"));
    }

    @Test
    void anUnrelatedTextIsNotAReport(@TempDir Path tmp) throws Exception {
        Path minutes = Files.writeString(tmp.resolve("minutes.txt"), "Minutes of the parish council\n\nThe meeting opened at 7pm.\n");
        DocumentStatus s = status(minutes);
        assertThat(s.level()).isEqualTo(DocumentStatus.NOT_A_REPORT);
        assertThat(s.reasons()).anyMatch(r -> r.contains("not recognised as an HM Inspectorate of Probation"));
    }
}
