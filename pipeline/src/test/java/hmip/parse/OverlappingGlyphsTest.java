package hmip.parse;

import static org.assertj.core.api.Assertions.assertThat;

import hmip.model.ParsedDocument;
import hmip.model.TextLine;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

class OverlappingGlyphsTest {

    /** PDFBox 3.0's rule, as PDFTextStripper.processTextPosition implements it. */
    private static final class Reference {
        final Map<String, TreeMap<Float, TreeSet<Float>>> map = new HashMap<>();

        boolean seen(String c, float x, float y, float tol) {
            TreeMap<Float, TreeSet<Float>> same = map.computeIfAbsent(c, k -> new TreeMap<>());
            SortedMap<Float, TreeSet<Float>> xs = same.subMap(x - tol, x + tol);
            for (TreeSet<Float> ys : xs.values()) if (!ys.subSet(y - tol, y + tol).isEmpty()) return true;
            same.computeIfAbsent(x, k -> new TreeSet<>()).add(y);
            return false;
        }
    }

    @Test
    void agreesWithPdfboxRuleOnRandomGlyphs() {
        Random rnd = new Random(7);
        for (int round = 0; round < 20; round++) {
            OverlappingGlyphs grid = new OverlappingGlyphs();
            Reference ref = new Reference();
            for (int i = 0; i < 3000; i++) {
                String c = String.valueOf((char) ('a' + rnd.nextInt(4)));
                // coarse coordinates so exact and near repeats are common; some large glyphs
                float x = rnd.nextInt(400) / 4f, y = rnd.nextInt(200) / 2f;
                float width = rnd.nextInt(10) == 0 ? 60f + rnd.nextInt(200) : 1f + rnd.nextInt(12);
                float tol = width / c.length() / 3.0f;
                assertThat(grid.seen(c, x, y, tol)).as("glyph %d of round %d", i, round).isEqualTo(ref.seen(c, x, y, tol));
            }
        }
    }

    @Test
    void textDrawnTwiceIsKeptOnce() throws Exception {
        byte[] pdf;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                for (float dx : new float[] {0f, 0.4f}) { // fake bold: the same line drawn twice, nudged
                    cs.beginText();
                    cs.setFont(font, 12);
                    cs.newLineAtOffset(72 + dx, 700);
                    cs.showText("Management oversight");
                    cs.endText();
                }
            }
            doc.save(out);
            pdf = out.toByteArray();
        }
        ParsedDocument parsed = new PdfParser().parse(SourceFile.of(Path.of("dup.pdf"), pdf), ParseLimits.DEFAULT);
        assertThat(parsed.pages().get(0).lines()).extracting(TextLine::text).containsExactly("Management oversight");
    }
}
