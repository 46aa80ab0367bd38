package hmip.parse;

import hmip.model.Box;
import hmip.model.Page;
import hmip.model.ParsedDocument;
import hmip.model.Segment;
import hmip.model.TextLine;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * PDFs through PDFBox: one pass of a {@link PDFTextStripper} that keeps, for each visual line, its
 * words' bounding box, font size and weight. Wide horizontal gaps inside a line (table columns in
 * Word-exported ratings tables) become a tab, so later stages can tell cells apart without geometry.
 *
 * <p>Untrusted input: the bytes are read through a {@link CheckedReadBuffer} and every content-stream
 * operator checks the file's {@link Deadline}; a file without {@code %%EOF} is refused as truncated;
 * pages that only paint images are OCRed with tesseract when it is installed ({@link Ocr}), otherwise a
 * mostly-scanned file fails with {@link ParseFailure#IMAGE_ONLY}.
 */
public final class PdfParser implements DocumentParser {

    @Override
    public boolean supports(String mediaType) {
        return "application/pdf".equals(mediaType);
    }

    /** Pages rendered for OCR are capped at this many pixels (300 dpi A4 is about 8.7 million). */
    static final long MAX_OCR_PIXELS = 12_000_000L;
    static final float OCR_DPI = 300f;
    /** PDFBox scratch buffers (decoded streams) may use this much heap, then spill to temporary files. */
    static final long SCRATCH_HEAP_BYTES = 64L * 1024 * 1024;
    /** ... and this much in total; more is reported as OUT_OF_MEMORY. */
    static final long SCRATCH_TOTAL_BYTES = 1024L * 1024 * 1024;

    @Override
    public ParsedDocument parse(SourceFile file, ParseLimits limits) throws ParseException {
        checkNotTruncated(file.bytes());
        try (PDDocument pdf = load(file.bytes(), limits.password())) {
            int pageCount = pdf.getNumberOfPages();
            if (pageCount == 0) throw new ParseException(ParseFailure.CORRUPT, "no pages");
            if (pageCount > limits.maxPages()) {
                throw new ParseException(ParseFailure.TOO_MANY_PAGES, pageCount + " pages > " + limits.maxPages());
            }
            LineCollector collector = new LineCollector();
            collector.getText(pdf);
            TextLayerFaults.Faults faults = TextLayerFaults.detect(collector.pages.values());
            if (faults.any()) {
                collector.pages.replaceAll((n, lines) -> lines.stream().map(l -> TextLayerFaults.repair(l, faults)).toList());
            }
            List<Page> pages = new ArrayList<>(pageCount);
            List<Integer> imageOnly = new ArrayList<>();
            List<Integer> unreadable = new ArrayList<>();
            int textPages = 0;
            for (int i = 0; i < pageCount; i++) {
                PDPage p = pdf.getPage(i);
                List<TextLine> lines = collector.pages.getOrDefault(i + 1, List.of());
                if (!lines.isEmpty() && !TextLayer.readable(lines)) unreadable.add(i);
                else if (!lines.isEmpty()) textPages++;
                else if (ImageFinder.drawsImageQuietly(p)) imageOnly.add(i);
                pages.add(new Page(i + 1, p.getMediaBox().getWidth(), p.getMediaBox().getHeight(), lines, false,
                        collector.noteRefs.getOrDefault(i + 1, List.of())));
            }
            Map<String, String> meta = metadata(pdf);
            if (faults.any()) meta.put("text_layer_repair", faults.describe());
            if (!unreadable.isEmpty()) {
                // glyphs drawn through fonts without a usable Unicode map: the page shows text that does not
                // decode to characters, so it is read like a scan (OCR), or refused, never taken as words
                meta.put("unreadable_text_pages", pagesList(unreadable));
                if (!Ocr.available() && unreadable.size() >= textPages) {
                    throw new ParseException(ParseFailure.UNREADABLE_TEXT, unreadable.size() + " of " + pageCount
                            + " pages have a text layer that does not decode to characters (fonts without a Unicode "
                            + "map) and tesseract is not installed to read them as images");
                }
                if (Ocr.available()) imageOnly.addAll(unreadable);
                else for (int i : unreadable) pages.set(i, new Page(i + 1, pages.get(i).width(), pages.get(i).height(), List.of(), false));
                java.util.Collections.sort(imageOnly);
            }
            if (!imageOnly.isEmpty()) {
                if (Ocr.available()) {
                    PDFRenderer renderer = new PDFRenderer(pdf);
                    // a huge scanned image is read subsampled to the render size, not decoded whole
                    renderer.setSubsamplingAllowed(true);
                    for (int i : imageOnly) {
                        Deadline.check();
                        PDPage p = pdf.getPage(i);
                        float dpi = ocrDpi(p);
                        BufferedImage image = renderer.renderImageWithDPI(i, dpi, ImageType.GRAY);
                        List<TextLine> lines;
                        try {
                            lines = Ocr.recognise(image, dpi);
                        } catch (IOException e) {
                            throw new ParseException(ParseFailure.OCR_FAILED, "page " + (i + 1) + ": " + e.getMessage(), e);
                        }
                        pages.set(i, new Page(i + 1, p.getMediaBox().getWidth(), p.getMediaBox().getHeight(), lines, true));
                    }
                } else if (imageOnly.size() >= textPages) {
                    throw new ParseException(ParseFailure.IMAGE_ONLY, imageOnly.size() + " of " + pageCount
                            + " pages are images without a text layer (scanned?) and tesseract is not installed");
                } else {
                    meta.put("image_only_pages", pagesList(imageOnly));
                }
            }
            return new ParsedDocument(file.docId(), file.path().toString(), file.sha256(), file.mediaType(),
                    pages, meta);
        } catch (InvalidPasswordException e) {
            throw new ParseException(ParseFailure.ENCRYPTED, limits.password() == null
                    ? "the PDF has a user password and none was given"
                    : "the password given does not open this PDF", e);
        } catch (Deadline.ParseCancelledException e) {
            throw new ParseException(ParseFailure.TIMEOUT, e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("security handler") || msg.contains("decrypt") || msg.contains("Decrypt")) {
                throw new ParseException(ParseFailure.ENCRYPTED, "unsupported encryption: " + msg, e);
            }
            if (msg.contains("scratch")) {
                throw new ParseException(ParseFailure.OUT_OF_MEMORY, "PDFBox scratch buffers over "
                        + (SCRATCH_TOTAL_BYTES >> 20) + " MB: " + msg, e);
            }
            throw new ParseException(ParseFailure.CORRUPT, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static String pagesList(List<Integer> zeroBased) {
        return zeroBased.stream().map(i -> String.valueOf(i + 1)).collect(java.util.stream.Collectors.joining(","));
    }

    /**
     * Opens the PDF with the given password, or none. A file encrypted with an empty user password
     * (restrictions only) opens without one — also when a password meant for other files was given.
     */
    private static PDDocument load(byte[] bytes, String password) throws IOException {
        try {
            return Loader.loadPDF(new CheckedReadBuffer(bytes), password == null ? "" : password, null, null,
                    MemoryUsageSetting.setupMixed(SCRATCH_HEAP_BYTES, SCRATCH_TOTAL_BYTES).streamCache);
        } catch (InvalidPasswordException e) {
            if (password == null || password.isEmpty()) throw e;
            try {
                return load(bytes, null);
            } catch (InvalidPasswordException again) {
                throw e;
            }
        }
    }

    /**
     * A PDF ends with {@code %%EOF} (ISO 32000-1, 7.5.5). PDFBox repairs a missing cross-reference
     * table and would load whatever pages survive, so a truncated download would look like a short
     * report; the marker near the end is what tells a complete file from a cut one.
     */
    static void checkNotTruncated(byte[] bytes) throws ParseException {
        int tail = Math.min(bytes.length, 2048);
        String end = new String(bytes, bytes.length - tail, tail, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!end.contains("%%EOF")) {
            throw new ParseException(ParseFailure.CORRUPT, "no %%EOF marker at the end: cut off after "
                    + bytes.length + " bytes (incomplete download?)");
        }
    }

    /** 300 dpi, lowered for large pages so the rendered image stays under {@link #MAX_OCR_PIXELS}. */
    static float ocrDpi(PDPage page) {
        double inches2 = (page.getMediaBox().getWidth() / 72.0) * (page.getMediaBox().getHeight() / 72.0);
        if (inches2 <= 0) return OCR_DPI;
        return (float) Math.max(72, Math.min(OCR_DPI, Math.sqrt(MAX_OCR_PIXELS / inches2)));
    }

    /** Whether a page paints an image (XObject or inline, also inside forms): the sign of a scan. */
    static final class ImageFinder extends PDFGraphicsStreamEngine {
        private boolean found;

        private ImageFinder(PDPage page) { super(page); }

        /** A page whose content cannot be read is not counted as a scan. */
        static boolean drawsImageQuietly(PDPage page) {
            try {
                return drawsImage(page);
            } catch (IOException e) {
                return false;
            }
        }

        static boolean drawsImage(PDPage page) throws IOException {
            ImageFinder f = new ImageFinder(page);
            f.processPage(page);
            return f.found;
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            Deadline.check();
            if (!found) super.processOperator(operator, operands);
        }

        @Override public void drawImage(PDImage pdImage) { found = true; }
        @Override public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {}
        @Override public void clip(int windingRule) {}
        @Override public void moveTo(float x, float y) {}
        @Override public void lineTo(float x, float y) {}
        @Override public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {}
        @Override public Point2D getCurrentPoint() { return new Point2D.Float(); }
        @Override public void closePath() {}
        @Override public void endPath() {}
        @Override public void strokePath() {}
        @Override public void fillPath(int windingRule) {}
        @Override public void fillAndStrokePath(int windingRule) {}
        @Override public void shadingFill(COSName shadingName) {}
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

    /**
     * Collects words into lines with geometry; PDFBox calls writeString once per word. The words of the
     * current line share one flat list of text positions ({@code wordEnds} marks where each word ends),
     * so a line costs no per-word list copies.
     */
    private static final class LineCollector extends PDFTextStripper {
        final Map<Integer, List<TextLine>> pages = new HashMap<>();
        /** Footnote reference marks (superscript digits) per page, in reading order. */
        final Map<Integer, List<String>> noteRefs = new HashMap<>();
        private final List<String> words = new ArrayList<>();
        private final List<TextPosition> all = new ArrayList<>();
        private int[] wordEnds = new int[32];
        private final OverlappingGlyphs overlapping = new OverlappingGlyphs();
        /** Marked-content sequences open on the page: whether each carries /ActualText (as PDFBox tracks). */
        private final java.util.ArrayDeque<Boolean> markedContent = new java.util.ArrayDeque<>();
        private boolean inActualText;
        /** Bold / italic flags per font object, so font names are lower-cased once per font, not per glyph. */
        private final Map<PDFont, Integer> fontStyle = new java.util.IdentityHashMap<>();
        private final FloatMode sizes = new FloatMode(), baselines = new FloatMode();

        /** Every content-stream operator checks the file's time budget. */
        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            Deadline.check();
            super.processOperator(operator, operands);
        }

        LineCollector() throws IOException {
            setSortByPosition(true);
            // PDFBox's own suppression keeps a TreeMap<Float, TreeSet<Float>> per character and page: it was
            // ~18% of ingest CPU in profiles. processTextPosition applies the same rule through a hash grid.
            setSuppressDuplicateOverlappingText(false);
        }

        @Override
        protected void startPage(PDPage page) throws IOException {
            overlapping.clear();
            super.startPage(page);
        }

        @Override
        public void beginMarkedContentSequence(org.apache.pdfbox.cos.COSName tag, org.apache.pdfbox.cos.COSDictionary properties) {
            boolean actual = properties != null && properties.getString(org.apache.pdfbox.cos.COSName.ACTUAL_TEXT) != null;
            markedContent.push(actual);
            inActualText = actual;
            super.beginMarkedContentSequence(tag, properties);
        }

        @Override
        public void endMarkedContentSequence() {
            Boolean top = markedContent.poll();
            if (top != null && top) inActualText = false;
            super.endMarkedContentSequence();
        }

        /**
         * PDFBox's duplicate-overlapping-text rule (a glyph is dropped when the same character was already
         * drawn within a third of its width, in x and in y, on this page; not applied inside /ActualText),
         * on a hash grid instead of PDFBox's sorted maps.
         */
        @Override
        protected void processTextPosition(TextPosition text) {
            if (!inActualText) {
                String unicode = text.getUnicode();
                float tolerance = text.getWidth() / unicode.length() / 3.0f;
                if (overlapping.seen(unicode, text.getX(), text.getY(), tolerance)) return;
            }
            super.processTextPosition(text);
        }

        @Override
        protected void writeString(String word, List<TextPosition> textPositions) {
            if (textPositions.isEmpty()) return;
            if (words.size() == wordEnds.length) wordEnds = java.util.Arrays.copyOf(wordEnds, wordEnds.length * 2);
            all.addAll(textPositions);
            wordEnds[words.size()] = all.size();
            words.add(word);
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
            sizes.clear();
            baselines.clear();
            for (TextPosition tp : all) {
                sizes.add(Math.round(tp.getFontSizeInPt() * 10) / 10f);
                baselines.add((float) Math.round(tp.getYDirAdj()));
            }
            float fontSize = sizes.mode();
            float baseline = baselines.mode();
            StringBuilder text = new StringBuilder();
            List<Segment> segments = new ArrayList<>();
            int segmentStart = 0, segmentFirstGlyph = 0;
            float lastRight = Float.NaN;
            int lastGlyph = 0;
            for (int w = 0, from = 0; w < words.size(); from = wordEnds[w], w++) {
                int to = wordEnds[w];
                // space glyphs some producers draw are word separators here, not text
                String word = TextLayerFaults.repairSwapped(
                        stripSuperscriptDigits(words.get(w), all, from, to, fontSize, baseline, noteRefs()).strip());
                if (word.isEmpty()) continue;
                TextPosition first = all.get(from);
                if (!text.isEmpty()) {
                    float gap = first.getXDirAdj() - lastRight;
                    // A gap wider than one em is a column boundary, not a word space.
                    if (gap > Math.max(fontSize, 4f)) {
                        segments.add(segment(text.substring(segmentStart), segmentStart, segmentFirstGlyph, lastGlyph));
                        text.append('\t');
                        segmentStart = text.length();
                        segmentFirstGlyph = from;
                    } else {
                        text.append(' ');
                    }
                } else {
                    segmentFirstGlyph = from;
                }
                text.append(word);
                TextPosition last = all.get(to - 1);
                lastRight = last.getXDirAdj() + last.getWidthDirAdj();
                lastGlyph = to;
            }
            if (!text.isEmpty()) segments.add(segment(text.substring(segmentStart), segmentStart, segmentFirstGlyph, lastGlyph));
            Box lineBox = box(0, all.size());
            int boldChars = 0, italicChars = 0;
            for (TextPosition tp : all) {
                int style = fontStyle.computeIfAbsent(tp.getFont(), LineCollector::style);
                if ((style & 1) != 0) boldChars++;
                if ((style & 2) != 0) italicChars++;
            }
            if (!text.toString().isBlank()) {
                int n = all.size();
                pages.computeIfAbsent(getCurrentPageNo(), k -> new ArrayList<>()).add(new TextLine(text.toString(),
                        lineBox, fontSize, boldChars * 2 > n, italicChars * 2 > n, segments));
            }
            words.clear();
            all.clear();
        }

        private Segment segment(String text, int offset, int fromGlyph, int toGlyph) {
            return new Segment(text, offset, box(fromGlyph, toGlyph));
        }

        /** The bounding box of glyphs [from, to) of the current line. */
        private Box box(int from, int to) {
            float x0 = Float.MAX_VALUE, y0 = Float.MAX_VALUE, x1 = -Float.MAX_VALUE, y1 = -Float.MAX_VALUE;
            for (int i = from; i < to; i++) {
                TextPosition tp = all.get(i);
                x0 = Math.min(x0, tp.getXDirAdj());
                x1 = Math.max(x1, tp.getXDirAdj() + tp.getWidthDirAdj());
                y0 = Math.min(y0, tp.getYDirAdj() - tp.getHeightDir());
                y1 = Math.max(y1, tp.getYDirAdj());
            }
            return new Box(x0, y0, x1 - x0, y1 - y0);
        }

        private List<String> noteRefs() {
            return noteRefs.computeIfAbsent(getCurrentPageNo(), k -> new ArrayList<>());
        }

        /** Bit 1: bold (bold, black or heavy in the font name); bit 2: italic (italic or oblique). */
        private static int style(PDFont font) {
            String name = fontName(font);
            int style = 0;
            if (name.contains("bold") || name.contains("black") || name.contains("heavy")) style |= 1;
            if (name.contains("italic") || name.contains("oblique")) style |= 2;
            return style;
        }

        /**
         * Footnote references are superscript digits glued to the words around them ("safe?10",
         * "484,4881"). They are dropped from the line text: small digits raised above the baseline.
         */
        private static String stripSuperscriptDigits(String word, List<TextPosition> tps, int from, int to,
                                                     float fontSize, float baseline, List<String> refs) {
            if (fontSize <= 0 || !anyRaisedSmallDigit(tps, from, to, fontSize, baseline)) return word;
            StringBuilder kept = new StringBuilder(word.length());
            StringBuilder mark = null;
            boolean stripped = false;
            int wi = 0;
            for (int p = from; p < to; p++) {
                TextPosition tp = tps.get(p);
                String u = tp.getUnicode();
                // PDFBox inserts spaces it infers from gaps; they have no text position of their own
                while (wi < word.length() && word.charAt(wi) == ' ' && !u.startsWith(" ")) {
                    if (mark != null) { refs.add(mark.toString()); mark = null; }
                    kept.append(' ');
                    wi++;
                }
                if (u == null || !word.startsWith(u, wi)) return word; // text and positions do not line up
                wi += u.length();
                boolean glued = !kept.isEmpty() && kept.charAt(kept.length() - 1) != ' ';
                boolean raisedSmallDigit = glued && u.length() == 1 && Character.isDigit(u.charAt(0))
                        && tp.getFontSizeInPt() < fontSize * 0.8f
                        && tp.getYDirAdj() < baseline - fontSize * 0.15f;
                if (raisedSmallDigit) {
                    if (mark == null) mark = new StringBuilder();
                    mark.append(u);
                    stripped = true;
                } else {
                    if (mark != null) { refs.add(mark.toString()); mark = null; }
                    kept.append(u);
                }
            }
            if (mark != null) refs.add(mark.toString());
            if (!stripped) return word;
            kept.append(word, Math.min(wi, word.length()), word.length());
            return kept.toString();
        }

        /** The cheap test first: most words have no superscript digit, and need no copy. */
        private static boolean anyRaisedSmallDigit(List<TextPosition> tps, int from, int to, float fontSize, float baseline) {
            for (int p = from + 1; p < to; p++) {
                TextPosition tp = tps.get(p);
                String u = tp.getUnicode();
                if (u != null && u.length() == 1 && Character.isDigit(u.charAt(0)) && tp.getFontSizeInPt() < fontSize * 0.8f
                        && tp.getYDirAdj() < baseline - fontSize * 0.15f) {
                    return true;
                }
            }
            return false;
        }

        private static String fontName(PDFont font) {
            if (font == null || font.getName() == null) return "";
            return font.getName().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The most frequent of a handful of float values (font sizes or baselines of one line), without
     * boxing. Ties go to the value seen first, as a {@code HashMap} scan would not guarantee either.
     */
    private static final class FloatMode {
        private float[] values = new float[8];
        private int[] counts = new int[8];
        private int n;

        void clear() { n = 0; }

        void add(float v) {
            for (int i = 0; i < n; i++) {
                if (Float.compare(values[i], v) == 0) {
                    counts[i]++;
                    return;
                }
            }
            if (n == values.length) {
                values = java.util.Arrays.copyOf(values, n * 2);
                counts = java.util.Arrays.copyOf(counts, n * 2);
            }
            values[n] = v;
            counts[n++] = 1;
        }

        float mode() {
            int best = -1;
            for (int i = 0; i < n; i++) if (best < 0 || counts[i] > counts[best]) best = i;
            return best < 0 ? 0f : values[best];
        }
    }
}
