package hmip.extract;

import hmip.model.Box;
import hmip.model.Cell;
import hmip.model.LaidOutDocument;
import hmip.model.LaidOutPage;
import hmip.model.Line;
import hmip.model.Segment;
import hmip.model.Table;
import hmip.model.TableRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The document as a sequence of {@link Row}s in reading order, page after page. Where layout found a
 * table, its logical rows replace its lines: a cell wrapped over several lines is one cell, and a grid of
 * tiles (each column a standard's code, name and rating stacked) becomes one row per tile, left to right.
 * Elsewhere each non-blank body line is a row whose cells are its column runs.
 */
final class DocumentText {
    /** A tile of a ratings grid starts with a standard's code on a line of its own. */
    private static final Pattern TILE_HEAD = Pattern.compile("^\\d\\.\\d\\.?$");

    private final List<Row> rows;
    private final String fullText;
    private final String[] letters;
    private final LaidOutDocument doc;

    DocumentText(LaidOutDocument doc) {
        this.doc = doc;
        List<Row> out = new ArrayList<>();
        for (LaidOutPage page : doc.pages()) addPage(page, out);
        this.rows = joinSplitRatings(out);
        StringBuilder sb = new StringBuilder();
        rows.forEach(r -> sb.append(r.text()).append('\n'));
        this.fullText = sb.toString();
        this.letters = new String[rows.size()];
    }

    private static void addPage(LaidOutPage page, List<Row> out) {
        List<Line> lines = page.lines();
        int i = 0;
        int t = 0;
        List<Table> tables = page.tables();
        while (i < lines.size()) {
            while (t < tables.size() && tables.get(t).lastLine() < i) t++;
            if (t < tables.size() && tables.get(t).firstLine() == i) {
                Table table = tables.get(t);
                for (TableRow r : table.rows()) addTableRow(page.number(), lines, r, out);
                i = table.lastLine() + 1;
                continue;
            }
            Line l = lines.get(i++);
            String text = l.text().strip();
            // "---" is a converter's page-break marker; blank lines carry nothing
            if (text.isEmpty() || text.matches("-{3,}|_{3,}|\\*{3,}")) continue;
            List<String> cells = l.segments().stream().map(Segment::text).map(String::strip).filter(c -> !c.isEmpty()).toList();
            out.add(new Row(out.size(), l.page(), String.join(" ", cells), cells, l.start(), l.end(), l.box(), l.bold(), false,
                    extent(l)));
        }
    }

    private static void addTableRow(int page, List<Line> lines, TableRow r, List<Row> out) {
        List<Cell> filled = r.filled();
        if (filled.isEmpty()) return;
        boolean bold = lines.get(r.firstLine()).bold();
        boolean tiles = filled.size() >= 2 && filled.stream().allMatch(c -> TILE_HEAD.matcher(c.text().lines().findFirst().orElse("")).matches());
        if (tiles) {
            for (Cell c : filled) {
                String text = flat(c.text());
                out.add(new Row(out.size(), page, text, List.of(text), c.start(), c.end(), c.box(), bold, true, c.box()));
            }
            return;
        }
        List<String> cells = filled.stream().map(c -> flat(c.text())).toList();
        Box box = null;
        for (Cell c : filled) box = box == null ? c.box() : c.box() == null ? box : box.union(c.box());
        int start = filled.stream().mapToInt(Cell::start).min().orElse(0);
        int end = filled.stream().mapToInt(Cell::end).max().orElse(0);
        out.add(new Row(out.size(), page, String.join(" ", cells), cells, start, end, box, bold, true, box));
    }

    /** The line's box, or the extent of its measured column runs (plain text laid out with spaces). */
    private static Box extent(Line l) {
        if (l.box() != null) return l.box();
        Box b = null;
        for (Segment s : l.segments()) if (s.box() != null) b = b == null ? s.box() : b.union(s.box());
        return b;
    }

    /** A cell's lines joined as running text (a line-end hyphen in a compound is kept, without a space). */
    private static String flat(String cellText) {
        String joined = "";
        for (String line : cellText.split("\n")) joined = TextJoin.join(joined, line);
        return joined.replaceAll("\\s+", " ").strip();
    }

    List<Row> rows() { return rows; }

    int size() { return rows.size(); }

    Row get(int i) { return rows.get(i); }

    String docId() { return doc.docId(); }

    LaidOutDocument doc() { return doc; }

    /** Row i's letters only, lower-cased (for matching printed statements whatever the punctuation); cached. */
    String letters(int i) {
        if (i < 0 || i >= rows.size()) return "";
        String l = letters[i];
        if (l == null) letters[i] = l = rows.get(i).text().replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT);
        return l;
    }

    /** The whole body as one string, rows joined with '\n' (for presence tests, not for spans). */
    String fullText() { return fullText; }

    /**
     * "Requires" / "improvement": the one rating that is two words wraps in narrow cells. Where no table
     * joined it (text without geometry), it is joined here once so every reader sees the rating whole;
     * the joined row spans both.
     */
    private static final Pattern SPLIT_RATING_HEAD = Pattern.compile("(^|\\s)['‘]?Requires$");
    private static final Pattern SPLIT_RATING_TAIL = Pattern.compile("^(?i:improvement)['’.]?\\s*$");

    private static List<Row> joinSplitRatings(List<Row> in) {
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            Row r = in.get(i);
            if (i + 1 < in.size() && SPLIT_RATING_HEAD.matcher(r.text()).find()
                    && SPLIT_RATING_TAIL.matcher(in.get(i + 1).text()).find()) {
                r = joined(r, in.get(++i));
            }
            out.add(r.withIndex(out.size()));
        }
        return List.copyOf(out);
    }

    private static Row joined(Row a, Row b) {
        boolean samePage = a.page() == b.page();
        Box box = a.box() == null ? b.box() : samePage ? a.box().union(b.box()) : a.box();
        List<String> cells = new ArrayList<>(a.cells());
        String tail = b.text().strip();
        if (cells.isEmpty()) cells.add(tail);
        else cells.set(cells.size() - 1, cells.get(cells.size() - 1) + " " + tail);
        Box extent = a.extent() == null ? b.extent() : samePage && b.extent() != null ? a.extent().union(b.extent()) : a.extent();
        return new Row(a.index(), a.page(), a.text().stripTrailing() + " " + tail, cells, a.start(),
                samePage ? b.end() : a.end(), box, a.bold(), a.table(), extent);
    }
}
