package hmip.extract;

import static org.assertj.core.api.Assertions.assertThat;

import hmip.model.Extraction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents that are not inspection reports come out as 'other' with nothing invented. */
class NonReportTest {

    @Test
    void generatedPdfAboutGardeningIsOther(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("allotment_newsletter.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                cs.newLineAtOffset(72, 700);
                for (String line : List.of("Allotment society newsletter, June 2023",
                        "Overall rating of this year's tomatoes: Good",
                        "1.1 Leadership of the committee: Outstanding",
                        "Members should:", "1. water the beds in the evening.", "2. return the shared tools.")) {
                    cs.showText(line);
                    cs.newLineAtOffset(0, -16);
                }
                cs.endText();
            }
            doc.save(pdf.toFile());
        }
        Extraction e = Corpus.extract(pdf);
        assertThat(e.docType()).isEqualTo("other");
        assertThat(e.providers()).isEmpty();
        assertThat(e.recommendations()).isEmpty();
        assertThat(e.keyQuestions()).isEmpty();
    }

    @Test
    void inspectoratePressReleaseWithoutRatingsIsOther(@TempDir Path dir) throws Exception {
        Path txt = dir.resolve("press_release.txt");
        Files.writeString(txt, String.join("\n",
                "HM Inspectorate of Probation press release",
                "",
                "The Chief Inspector said people on probation deserve good services from every Probation Delivery Unit (PDU).",
                "",
                "The Probation Service should:",
                "",
                "1. recruit more staff."));
        Extraction e = Corpus.extract(txt);
        assertThat(e.docType()).isEqualTo("other");
        assertThat(e.providers()).isEmpty();
        assertThat(e.framework()).isNull();
    }
}
