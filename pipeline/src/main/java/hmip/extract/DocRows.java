package hmip.extract;

import hmip.model.LaidOutDocument;
import hmip.model.Line;
import java.util.ArrayList;
import java.util.List;

/** The document's non-blank body lines in reading order, as {@link Row}s. */
final class DocRows {
    private final List<Row> rows;
    private final String docId;
    private final LaidOutDocument doc;

    DocRows(LaidOutDocument doc) {
        this.doc = doc;
        this.docId = doc.docId();
        List<Row> out = new ArrayList<>();
        for (Line l : doc.lines()) {
            String t = l.text().strip();
            // "---" is a converter's page-break marker; blank lines carry nothing.
            if (t.isEmpty() || t.matches("-{3,}|_{3,}|\\*{3,}")) continue;
            out.add(Row.of(out.size(), l));
        }
        this.rows = List.copyOf(out);
    }

    List<Row> rows() { return rows; }

    int size() { return rows.size(); }

    Row get(int i) { return rows.get(i); }

    String docId() { return docId; }

    LaidOutDocument doc() { return doc; }

    /** The whole body as one string, lines joined with '\n' (for presence tests, not for spans). */
    String fullText() {
        StringBuilder sb = new StringBuilder();
        rows.forEach(r -> sb.append(r.text()).append('\n'));
        return sb.toString();
    }
}
