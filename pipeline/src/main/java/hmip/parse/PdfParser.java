package hmip.parse;

import hmip.model.Box;
import hmip.model.Page;
import hmip.model.ParsedDocument;
import hmip.model.TextLine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * PDFs through PDFBox: one pass of a {@link PDFTextStripper} that keeps, for each visual line, its
 * words' bounding box, font size and weight. Wide horizontal gaps inside a line (table columns in
 * Word-exported ratings tables) become a tab, so later stages can tell cells apart without geometry.
 */
public final class PdfParser implements DocumentParser {

    @Override
    public boolean supports(String mediaType) {
        return "application/pdf".equals(mediaType);
    }

    @Override
    public ParsedDocument parse(SourceFile file, ParseLimits limits) throws ParseException {
        String password = limits.password() == null ? "" : limits.password();
        try (PDDocument pdf = Loader.loadPDF(file.bytes(), password)) {
            int pageCount = pdf.getNumberOfPages();
            if (pageCount == 0) throw new ParseException(ParseFailure.CORRUPT, "no pages");
            if (pageCount > limits.maxPages()) {
                throw new ParseException(ParseFailure.TOO_MANY_PAGES, pageCount + " pages > " + limits.maxPages());
            }
            LineCollector collector = new LineCollector();
            collector.getText(pdf);
            List<Page> pages = new ArrayList<>(pageCount);
            for (int i = 0; i < pageCount; i++) {
                PDPage p = pdf.getPage(i);
                List<TextLine> lines = collector.pages.getOrDefault(i + 1, List.of());
                pages.add(new Page(i + 1, p.getMediaBox().getWidth(), p.getMediaBox().getHeight(), lines, false));
            }
            return new ParsedDocument(file.docId(), file.path().toString(), file.sha256(), file.mediaType(),
                    pages, metadata(pdf));
        } catch (InvalidPasswordException e) {
            throw new ParseException(ParseFailure.ENCRYPTED, e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new ParseException(ParseFailure.CORRUPT, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> metadata(PDDocument pdf) {
        Map<String, String> meta = new HashMap<>();
        PDDocumentInformation info = pdf.getDocumentInformation();
        if (info == null) return meta;
        putIfPresent(meta, "title", info.getTitle());
        putIfPresent(meta, "author", info.getAuthor());
        putIfPresent(meta, "producer", info.getProducer());
        putIfPresent(meta, "creator", info.getCreator());
        if (info.getCreationDate() != null) {
            meta.put("created", info.getCreationDate().toInstant().toString());
        }
        return meta;
    }

    private static void putIfPresent(Map<String, String> meta, String key, String value) {
        if (value != null && !value.isBlank()) meta.put(key, value.strip());
    }

    /** Collects words into lines with geometry; PDFBox calls writeString once per word. */
    private static final class LineCollector extends PDFTextStripper {
        final Map<Integer, List<TextLine>> pages = new HashMap<>();
        private final List<String> words = new ArrayList<>();
        private final List<List<TextPosition>> wordPositions = new ArrayList<>();

        LineCollector() throws IOException {
            setSortByPosition(true);
            setSuppressDuplicateOverlappingText(true);
        }

        @Override
        protected void writeString(String word, List<TextPosition> textPositions) {
            if (textPositions.isEmpty()) return;
            words.add(word);
            wordPositions.add(List.copyOf(textPositions));
        }

        @Override
        protected void writeLineSeparator() {
            flush();
        }

        @Override
        protected void writeParagraphEnd() {
            flush();
        }

        @Override
        protected void endPage(PDPage page) throws IOException {
            flush();
            super.endPage(page);
        }

        private void flush() {
            if (words.isEmpty()) return;
            List<TextPosition> all = new ArrayList<>();
            wordPositions.forEach(all::addAll);
            float fontSize = mode(all, tp -> Math.round(tp.getFontSizeInPt() * 10) / 10f);
            float baseline = mode(all, tp -> (float) Math.round(tp.getYDirAdj()));
            StringBuilder text = new StringBuilder();
            float lastRight = Float.NaN;
            for (int w = 0; w < words.size(); w++) {
                String word = stripSuperscriptDigits(words.get(w), wordPositions.get(w), fontSize, baseline);
                if (word.isEmpty()) continue;
                TextPosition first = wordPositions.get(w).get(0);
                if (!text.isEmpty()) {
                    float gap = first.getXDirAdj() - lastRight;
                    // A gap wider than one em is a column boundary, not a word space.
                    text.append(gap > Math.max(fontSize, 4f) ? '\t' : ' ');
                }
                text.append(word);
                TextPosition last = wordPositions.get(w).get(wordPositions.get(w).size() - 1);
                lastRight = last.getXDirAdj() + last.getWidthDirAdj();
            }
            float x0 = Float.MAX_VALUE, y0 = Float.MAX_VALUE, x1 = -Float.MAX_VALUE, y1 = -Float.MAX_VALUE;
            int boldChars = 0, italicChars = 0;
            for (TextPosition tp : all) {
                x0 = Math.min(x0, tp.getXDirAdj());
                x1 = Math.max(x1, tp.getXDirAdj() + tp.getWidthDirAdj());
                y0 = Math.min(y0, tp.getYDirAdj() - tp.getHeightDir());
                y1 = Math.max(y1, tp.getYDirAdj());
                String font = fontName(tp.getFont());
                if (font.contains("bold") || font.contains("black") || font.contains("heavy")) boldChars++;
                if (font.contains("italic") || font.contains("oblique")) italicChars++;
            }
            String line = text.toString().strip();
            if (!line.isEmpty()) {
                int n = all.size();
                pages.computeIfAbsent(getCurrentPageNo(), k -> new ArrayList<>()).add(new TextLine(line,
                        new Box(x0, y0, x1 - x0, y1 - y0), fontSize, boldChars * 2 > n, italicChars * 2 > n));
            }
            words.clear();
            wordPositions.clear();
        }

        /**
         * Footnote references are superscript digits glued to the words around them ("safe?10",
         * "484,4881"). They are dropped from the line text: small digits raised above the baseline.
         */
        private static String stripSuperscriptDigits(String word, List<TextPosition> tps, float fontSize, float baseline) {
            if (word.length() != tps.size() || fontSize <= 0) return word;
            StringBuilder kept = new StringBuilder(word.length());
            for (int i = 0; i < word.length(); i++) {
                TextPosition tp = tps.get(i);
                boolean raisedSmallDigit = i > 0 && Character.isDigit(word.charAt(i))
                        && tp.getFontSizeInPt() < fontSize * 0.8f
                        && tp.getYDirAdj() < baseline - fontSize * 0.15f;
                if (!raisedSmallDigit) kept.append(word.charAt(i));
            }
            return kept.toString();
        }

        private static float mode(List<TextPosition> tps, java.util.function.Function<TextPosition, Float> key) {
            Map<Float, Integer> counts = new HashMap<>();
            for (TextPosition tp : tps) counts.merge(key.apply(tp), 1, Integer::sum);
            return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0f);
        }

        private static String fontName(PDFont font) {
            if (font == null || font.getName() == null) return "";
            return font.getName().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
