package hmip.extract;

import hmip.model.Box;
import hmip.model.LaidOutDocument;
import hmip.model.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The document's non-blank body lines in reading order, as {@link Row}s. */
final class DocRows {
    private final List<Row> rows;
    private final String fullText;
    private final String docId;
    private final LaidOutDocument doc;

    DocRows(LaidOutDocument doc) {
        this.doc = doc;
        this.docId = doc.docId();
        List<Line> kept = new ArrayList<>();
        for (Line l : doc.lines()) {
            String t = l.text().strip();
            // "---" is a converter's page-break marker; blank lines carry nothing.
            if (t.isEmpty() || t.matches("-{3,}|_{3,}|\\*{3,}")) continue;
            kept.add(l);
        }
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            Line l = kept.get(i);
            if (i + 1 < kept.size() && SPLIT_RATING_HEAD.matcher(l.text()).find()
                    && SPLIT_RATING_TAIL.matcher(kept.get(i + 1).text()).find()) {
                l = joined(l, kept.get(++i));
            }
            out.add(Row.of(out.size(), l));
        }
        this.rows = List.copyOf(out);
        this.fullText = buildFullText();
    }

    List<Row> rows() { return rows; }

    int size() { return rows.size(); }

    Row get(int i) { return rows.get(i); }

    String docId() { return docId; }

    LaidOutDocument doc() { return doc; }

    /** The whole body as one string, lines joined with '\n' (for presence tests, not for spans). */
    String fullText() { return fullText; }

    private String buildFullText() {
        StringBuilder sb = new StringBuilder();
        rows.forEach(r -> sb.append(r.text()).append('\n'));
        return sb.toString();
    }

    /**
     * "Requires" / "improvement": the one rating that is two words wraps in narrow table cells. Joined
     * here once so every extractor sees the rating whole; the joined line spans both source lines.
     */
    private static final Pattern SPLIT_RATING_HEAD = Pattern.compile("(^|\\s)['‘]?Requires$");
    private static final Pattern SPLIT_RATING_TAIL = Pattern.compile("^(?i:improvement)['’]?\\s*$");

    private static Line joined(Line a, Line b) {
        int end = a.page() == b.page() ? b.end() : a.end();
        Box box = a.box() == null ? b.box() : a.page() == b.page() ? a.box().union(b.box()) : a.box();
        return new Line(a.page(), a.start(), end, a.text().stripTrailing() + " " + b.text().strip(), box, a.fontSize(), a.bold());
    }
}
