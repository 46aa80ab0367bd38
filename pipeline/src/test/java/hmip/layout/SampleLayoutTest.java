package hmip.layout;

import static org.assertj.core.api.Assertions.assertThat;

import hmip.model.BlockKind;
import hmip.model.LaidOutDocument;
import hmip.model.LaidOutPage;
import hmip.model.Line;
import hmip.model.ParsedDocument;
import hmip.parse.ParseLimits;
import hmip.parse.Parsers;
import hmip.parse.SourceFile;
import hmip.testing.SampleCorpus;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Layout on the real sample PDFs: page counts, running headers gone, spans consistent. */
class SampleLayoutTest {
    static Stream<Path> pdfs() { return SampleCorpus.pdfs().stream(); }

    private static final java.util.Map<Path, LaidOutDocument> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** Each PDF is parsed once for all the tests that look at it. */
    private static LaidOutDocument layOut(Path pdf) throws Exception {
        LaidOutDocument cached = CACHE.get(pdf);
        if (cached != null) return cached;
        ParsedDocument parsed = Parsers.standard().parse(SourceFile.read(pdf, ParseLimits.DEFAULT), ParseLimits.DEFAULT);
        LaidOutDocument doc = new StandardLayout().layOut(parsed);
        CACHE.put(pdf, doc);
        return doc;
    }

    @ParameterizedTest
    @MethodSource("pdfs")
    void everyPageOfThePdfBecomesOnePage(Path pdf) throws Exception {
        int expected;
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            expected = d.getNumberOfPages();
        }
        assertThat(layOut(pdf).pages()).hasSize(expected);
    }

    @ParameterizedTest
    @MethodSource("pdfs")
    void runningHeaderAndPageNumbersAreNotBodyText(Path pdf) throws Exception {
        LaidOutDocument doc = layOut(pdf);
        // The running header is whatever the layout removed from most pages; it must be gone from all.
        List<String> removed = doc.pages().stream().flatMap(p -> p.removedLines().stream())
                .filter(l -> !l.strip().matches("\\d+")).distinct().toList();
        assertThat(removed).as("a running header was found").isNotEmpty();
        for (LaidOutPage page : doc.pages()) {
            List<String> bodyLines = page.lines().stream().map(Line::text).map(String::strip).toList();
            assertThat(bodyLines).as("page %d", page.number()).doesNotContainAnyElementsOf(removed);
            assertThat(bodyLines).as("page %d has no bare page number line", page.number())
                    .noneMatch(l -> l.equals(String.valueOf(page.number())));
        }
    }

    @ParameterizedTest
    @MethodSource("pdfs")
    void everyLineAndBlockSpanPointsAtItsText(Path pdf) throws Exception {
        for (LaidOutPage page : layOut(pdf).pages()) {
            for (Line l : page.lines()) {
                assertThat(page.text().substring(l.start(), l.end())).isEqualTo(l.text());
            }
            page.blocks().forEach(b -> assertThat(b.end()).isLessThanOrEqualTo(page.text().length()));
            page.footnotes().forEach(f -> assertThat(f.kind()).isEqualTo(BlockKind.FOOTNOTE));
        }
    }

    @org.junit.jupiter.api.Test
    void liverpoolNorthHeaderFootnotesAndListsAreSeparated() throws Exception {
        LaidOutDocument doc = layOut(SampleCorpus.reports().resolve("001_26fef9cbb675eeb2.pdf"));
        assertThat(doc.pages()).allSatisfy(p ->
                assertThat(p.text()).doesNotContain("Inspection of probation services: Liverpool North PDU"));
        // footnote references glued to numbers are dropped; the notes themselves are kept apart
        String background = doc.pages().stream().map(LaidOutPage::text).filter(t -> t.contains("population of Liverpool"))
                .findFirst().orElseThrow();
        assertThat(background).contains("484,488 with proven reoffending rates of 27.7");
        assertThat(doc.pages().stream().flatMap(p -> p.footnotes().stream()))
                .anyMatch(f -> f.text().startsWith("1 Source: Office for National Statistics"));
        // a recommendation wrapped over two lines is one list item
        assertThat(doc.blocks()).anyMatch(b -> b.kind() == BlockKind.LIST_ITEM && b.text().equals(
                "2. ensure information relating to domestic abuse history is obtained promptly and sufficiently "
                        + "analysed to support the management of risk of harm to others"));
    }

    @org.junit.jupiter.api.Test
    void aTableRowWithAWrappedCellIsOneBlockNotARowAndFragments() throws Exception {
        LaidOutDocument doc = layOut(SampleCorpus.reports().resolve("002_dd305e50ed34b774.pdf"));
        // "Contextual facts": a figure beside a description wrapped over two or three lines
        assertThat(doc.blocks()).anyMatch(b -> b.kind() == BlockKind.TABLE_ROW && b.text().equals(
                "17,182\tThe number of individuals supervised by the North West division of the NPS"));
        assertThat(doc.blocks()).noneMatch(b -> b.text().equals("of the NPS") || b.text().equals("reoffence"));
        // a glossary term and its wrapped definition
        assertThat(doc.blocks()).anyMatch(b -> b.kind() == BlockKind.TABLE_ROW && b.text().equals(
                "Court report\tThis refers to any report prepared for a court to inform sentencing, whether delivered "
                        + "orally or in a written format"));
        // every block still points at its text: the row's span covers its lines
        for (LaidOutPage page : doc.pages()) {
            page.blocks().forEach(b -> assertThat(b.start()).isLessThan(b.end()));
        }
    }
}
