package hmip.layout;

import hmip.model.Block;
import hmip.model.BlockKind;
import hmip.model.Box;
import hmip.model.LaidOutDocument;
import hmip.model.LaidOutPage;
import hmip.model.Line;
import hmip.model.Page;
import hmip.model.ParsedDocument;
import hmip.model.Segment;
import hmip.model.Table;
import hmip.model.TextLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The layout used for every format. With geometry (PDF) it uses font size, weight and vertical gaps
 * to find headings, paragraphs and footnotes; without (text, HTML, DOCX) it relies on blank lines and
 * converter markup. Each page's body text is its kept lines joined by '\n', followed by its footnotes.
 */
public final class StandardLayout implements Layout {
    static final Pattern LIST_MARKER = Pattern.compile("^([•▪●◦·\\-–*]\\s+|\\(?\\d{1,2}[.)]\\s+|\\(?[a-z][.)]\\s+)");
    private static final Pattern FOOTNOTE_START = Pattern.compile("^(\\d{1,3})(?:\\.\\s|\\s|(?=\\p{L}))");
    private static final TableDetector POSITIONED_TABLES = new PositionedTableDetector();
    private static final TableDetector TABBED_TABLES = new TabbedTableDetector();
    /** Word puts a tab after a bullet or list number; that gap is a list marker, not a table column. */
    private static final Pattern TABBED_MARKER = Pattern.compile("^([•▪●◦·\\-–*]|\\(?\\d{1,2}[.)]|\\(?[a-z][.)])\t");

    @Override
    public LaidOutDocument layOut(ParsedDocument doc) {
        boolean geometry = doc.pages().stream().flatMap(p -> p.lines().stream()).anyMatch(l -> l.box() != null);
        RunningLines running = new RunningLines(doc.pages());
        NoteMarks marks = new NoteMarks();
        float bodySize = geometry ? bodyFontSize(doc) : 0f;
        Dehyphenator dehyphenator = new Dehyphenator();
        doc.pages().forEach(p -> p.lines().forEach(l -> dehyphenator.learn(l.text())));

        List<LaidOutPage> pages = new ArrayList<>(doc.pageCount());
        for (Page page : doc.pages()) {
            pages.add(geometry ? layOutPdfPage(page, running, bodySize, dehyphenator, marks)
                    : layOutTextPage(page, running, dehyphenator));
        }
        return new LaidOutDocument(doc, joinAcrossPages(pages, dehyphenator));
    }

    /**
     * A paragraph or list item cut by a page break continues as the next page's first block, starting
     * in lower case. The continuation's text is joined onto the block that began it (whose span and
     * page anchor the whole), and the fragment is dropped from the later page's blocks; its lines
     * stay in that page's text.
     */
    private static List<LaidOutPage> joinAcrossPages(List<LaidOutPage> pages, Dehyphenator dh) {
        List<LaidOutPage> out = new ArrayList<>(pages);
        for (int i = 1; i < out.size(); i++) {
            LaidOutPage prevPage = out.get(i - 1), page = out.get(i);
            if (prevPage.blocks().isEmpty() || page.blocks().isEmpty()) continue;
            Block last = prevPage.blocks().get(prevPage.blocks().size() - 1);
            Block first = page.blocks().get(0);
            boolean open = (last.kind() == BlockKind.PARAGRAPH || last.kind() == BlockKind.LIST_ITEM)
                    && !last.text().matches("(?s).*[.!?:]['\"’”)]?$");
            boolean continuation = first.kind() == BlockKind.PARAGRAPH && !first.text().isEmpty()
                    && Character.isLowerCase(first.text().charAt(0));
            if (!open || !continuation) continue;
            List<Block> prevBlocks = new ArrayList<>(prevPage.blocks());
            prevBlocks.set(prevBlocks.size() - 1, new Block(last.page(), last.ordinal(), last.kind(),
                    dh.join(last.text(), first.text()), last.start(), last.end(), last.box()));
            List<Block> blocks = new ArrayList<>(page.blocks().subList(1, page.blocks().size()));
            out.set(i - 1, prevPage.withBlocks(prevBlocks));
            out.set(i, page.withBlocks(blocks));
        }
        return out;
    }

    private LaidOutPage layOutPdfPage(Page page, RunningLines running, float bodySize, Dehyphenator dh, NoteMarks marks) {
        List<TextLine> raw = page.lines();
        List<String> removed = new ArrayList<>();
        List<TextLine> body = new ArrayList<>();
        List<TextLine> notes = new ArrayList<>();
        marks.seen(page.noteRefs());
        boolean[] markLines = new boolean[raw.size()];
        for (int i = 0; i < raw.size(); i++) {
            if (!running.isRunning(raw, i) && isDetachedMark(raw.get(i), bodySize)) {
                markLines[i] = true;
                marks.seen(List.of(raw.get(i).text().strip()));
            }
        }
        int footnoteFrom = footnoteStart(page, running, bodySize, marks);
        for (int i = 0; i < raw.size(); i++) {
            TextLine l = raw.get(i);
            if (running.isRunning(raw, i)) removed.add(l.text());
            else if (i >= footnoteFrom) notes.add(l);
            else if (!markLines[i]) body.add(l);
        }
        PageText text = new PageText(page.number());
        List<Line> lines = new ArrayList<>();
        List<Boolean> headingFlags = new ArrayList<>();
        for (TextLine l : body) {
            java.util.regex.Matcher marker = TABBED_MARKER.matcher(l.text());
            if (marker.find()) {
                // "•" + tab + text: the marker and its item are one run, not two columns
                lines.add(text.append(marker.replaceFirst("$1 "), l.box(), l.fontSize(), l.bold(), joinFirstRuns(l.segments())));
            } else {
                lines.add(text.append(l.text(), l.box(), l.fontSize(), l.bold(), l.segments()));
            }
            headingFlags.add(isHeadingStyle(l, bodySize));
        }
        List<Table> tables = POSITIONED_TABLES.detect(page.number(), lines);
        List<Block> blocks = TableBlocks.regroup(page.number(), lines,
                groupByGeometry(page.number(), lines, headingFlags, dh), tables, dh);
        List<Block> footnotes = footnoteBlocks(page.number(), notes, text, dh);
        return new LaidOutPage(page.number(), text.toString(), lines, blocks, removed, footnotes, page.ocr(), tables);
    }

    private LaidOutPage layOutTextPage(Page page, RunningLines running, Dehyphenator dh) {
        List<TextLine> raw = page.lines();
        PageText text = new PageText(page.number());
        List<Line> lines = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        List<Line> footnoteLines = new ArrayList<>();
        List<Line> current = new ArrayList<>();
        boolean currentHeading = false;
        for (int i = 0; i < raw.size(); i++) {
            String rawText = raw.get(i).text();
            if (!rawText.isBlank() && running.isRunning(raw, i) && raw.size() > 10) {
                removed.add(rawText);
                continue;
            }
            boolean footnote = rawText.startsWith("<sup>");
            TextMarkup.Cleaned cleaned = TextMarkup.clean(rawText);
            if (cleaned.text().isEmpty()) {
                flush(blocks, current, currentHeading, page.number(), dh);
                continue;
            }
            // column runs measured on the raw line survive only where clean-up changed nothing
            Line line = text.append(cleaned.text(), null, 0f, cleaned.bold(),
                    cleaned.text().equals(rawText.strip()) ? raw.get(i).segments() : null);
            if (footnote) {
                flush(blocks, current, currentHeading, page.number(), dh);
                footnoteLines.add(line);
                continue;
            }
            lines.add(line);
            boolean startsItem = LIST_MARKER.matcher(cleaned.text()).find() || cleaned.text().contains("\t");
            if (cleaned.heading() || startsItem || currentHeading) {
                flush(blocks, current, currentHeading, page.number(), dh);
            }
            current.add(line);
            currentHeading = cleaned.heading();
        }
        flush(blocks, current, currentHeading, page.number(), dh);
        List<Block> footnotes = new ArrayList<>();
        for (Line l : footnoteLines) {
            footnotes.add(new Block(page.number(), footnotes.size(), BlockKind.FOOTNOTE, l.text(), l.start(), l.end(), null));
        }
        boolean columnsMeasured = lines.stream().anyMatch(l -> l.segments().stream().anyMatch(x -> x.box() != null));
        List<Table> tables = (columnsMeasured ? POSITIONED_TABLES : TABBED_TABLES).detect(page.number(), lines);
        return new LaidOutPage(page.number(), text.toString(), lines,
                TableBlocks.regroup(page.number(), lines, blocks, tables, dh), removed, footnotes, page.ocr(), tables);
    }

    private static void flush(List<Block> blocks, List<Line> current, boolean heading, int page, Dehyphenator dh) {
        if (current.isEmpty()) return;
        blocks.add(block(page, blocks.size(), current, heading, dh));
        current.clear();
    }

    private static Block block(int page, int ordinal, List<Line> lines, boolean heading, Dehyphenator dh) {
        String joined = "";
        Box box = null;
        for (Line l : lines) {
            joined = dh.join(joined, l.text());
            box = box == null ? l.box() : box.union(l.box());
        }
        String first = lines.get(0).text();
        BlockKind kind = heading ? BlockKind.HEADING
                : first.contains("\t") ? BlockKind.TABLE_ROW
                : LIST_MARKER.matcher(first).find() ? BlockKind.LIST_ITEM
                : BlockKind.PARAGRAPH;
        return new Block(page, ordinal, kind, joined, lines.get(0).start(), lines.get(lines.size() - 1).end(), box);
    }

    private static List<Block> groupByGeometry(int page, List<Line> lines, List<Boolean> headingFlags, Dehyphenator dh) {
        List<Block> blocks = new ArrayList<>();
        List<Line> current = new ArrayList<>();
        boolean currentHeading = false;
        Line prev = null;
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            boolean heading = headingFlags.get(i);
            boolean breakBefore = prev == null
                    || heading != currentHeading
                    || l.text().contains("\t") || prev.text().contains("\t")
                    || LIST_MARKER.matcher(l.text()).find()
                    || paragraphGap(prev, l)
                    || (!heading && l.box() != null && prev.box() != null && l.box().x() < prev.box().x() - 8
                        && LIST_MARKER.matcher(current.get(0).text()).find());
            if (breakBefore) {
                flush(blocks, current, currentHeading, page, dh);
                currentHeading = heading;
            }
            current.add(l);
            prev = l;
        }
        flush(blocks, current, currentHeading, page, dh);
        return blocks;
    }

    /** Single-spaced lines sit about 1.2 em apart; more than 1.45 em (or moving up) starts a new block. */
    private static boolean paragraphGap(Line a, Line b) {
        if (a.box() == null || b.box() == null) return false;
        float delta = b.box().bottom() - a.box().bottom();
        return delta < 0 || delta > 1.45f * Math.max(Math.max(a.fontSize(), b.fontSize()), 6f);
    }

    private static boolean isHeadingStyle(TextLine l, float bodySize) {
        String t = l.text();
        if (t.length() > 140 || t.contains("\t")) return false;
        boolean larger = bodySize > 0 && l.fontSize() > bodySize * 1.15f;
        return larger || (l.bold() && !t.endsWith("."));
    }

    /**
     * Index of the first footnote line: the run of small-font lines at the bottom of the page (below its
     * middle) that opens with a note answering a reference mark printed on this page or an earlier one.
     * Without that mark a small-font run at the bottom is body text: tables in a smaller font than the
     * running text sit there too, and must not be taken for notes.
     */
    private static int footnoteStart(Page page, RunningLines running, float bodySize, NoteMarks marks) {
        List<TextLine> raw = page.lines();
        int start = raw.size();
        for (int i = raw.size() - 1; i >= 0; i--) {
            TextLine l = raw.get(i);
            if (running.isRunning(raw, i)) continue;
            boolean small = bodySize > 0 && l.fontSize() > 0 && l.fontSize() < bodySize * 0.9f;
            if (!small) break;
            start = i;
        }
        // only a run that opens with a numbered note, in the lower half of the page, is a footnote area
        while (start < raw.size() && !opensNote(raw.get(start), page, marks)) start++;
        return start;
    }

    /**
     * A note reference mark the renderer set on a line of its own (a superscript raised off its word's
     * baseline): one to three digits in a font well under the body size. It is a mark, not text.
     */
    private static boolean isDetachedMark(TextLine l, float bodySize) {
        return bodySize > 0 && l.fontSize() > 0 && l.fontSize() < 0.75f * bodySize && l.text().strip().matches("\\d{1,3}");
    }

    private static boolean opensNote(TextLine l, Page page, NoteMarks marks) {
        java.util.regex.Matcher m = FOOTNOTE_START.matcher(l.text());
        if (!m.find() || !marks.contains(m.group(1))) return false;
        return page.height() <= 0 || l.box() == null || l.box().y() > page.height() / 2;
    }

    /** "•" and its item text as one run (the parser split them at Word's tab). */
    private static List<Segment> joinFirstRuns(List<Segment> runs) {
        if (runs.size() < 2) return runs;
        Segment a = runs.get(0), b = runs.get(1);
        List<Segment> out = new ArrayList<>();
        out.add(new Segment(a.text() + " " + b.text(), a.offset(), a.box() == null ? b.box() : a.box().union(b.box())));
        out.addAll(runs.subList(2, runs.size()));
        return out;
    }

    private static List<Block> footnoteBlocks(int page, List<TextLine> notes, PageText text, Dehyphenator dh) {
        List<Block> blocks = new ArrayList<>();
        List<Line> current = new ArrayList<>();
        if (!notes.isEmpty()) text.blankLine();
        for (TextLine n : notes) {
            Line l = text.append(n.text(), n.box(), n.fontSize(), n.bold(), n.segments());
            if (FOOTNOTE_START.matcher(n.text()).find() && !current.isEmpty()) {
                blocks.add(footnote(page, blocks.size(), current, dh));
                current.clear();
            }
            current.add(l);
        }
        if (!current.isEmpty()) blocks.add(footnote(page, blocks.size(), current, dh));
        return blocks;
    }

    private static Block footnote(int page, int ordinal, List<Line> lines, Dehyphenator dh) {
        Block b = block(page, ordinal, lines, false, dh);
        return new Block(b.page(), b.ordinal(), BlockKind.FOOTNOTE, b.text(), b.start(), b.end(), b.box());
    }

    /** The most common font size over all characters: the body text size. */
    private static float bodyFontSize(ParsedDocument doc) {
        Map<Float, Integer> chars = new HashMap<>();
        doc.pages().forEach(p -> p.lines().forEach(l -> chars.merge(l.fontSize(), l.text().length(), Integer::sum)));
        return chars.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0f);
    }

    /** Builds a page's text and hands out the span each appended line occupies. */
    private static final class PageText {
        private final int page;
        private final StringBuilder sb = new StringBuilder();

        PageText(int page) { this.page = page; }

        Line append(String text, Box box, float fontSize, boolean bold, List<Segment> segments) {
            if (!sb.isEmpty()) sb.append('\n');
            int start = sb.length();
            sb.append(text);
            return new Line(page, start, sb.length(), text, box, fontSize, bold, segments);
        }

        void blankLine() {
            if (!sb.isEmpty()) sb.append('\n');
        }

        @Override
        public String toString() { return sb.toString(); }
    }
}
