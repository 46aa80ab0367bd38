package hmip.parse;

import hmip.model.Box;
import hmip.model.Segment;
import java.util.ArrayList;
import java.util.List;

/**
 * Column runs of a line of plain text laid out with spaces (as {@code pdftotext -layout} prints tables):
 * runs are separated by a tab or by three or more spaces, and each run's box is measured on the character
 * grid (x = column, y = line number, one unit per character and line), so the same table detection that
 * reads glyph positions in a PDF reads the columns of such text. Offsets are into the stripped line.
 * Returns null for a blank line.
 */
final class TextColumns {
    private TextColumns() {}

    static List<Segment> runs(String raw, int lineNumber) {
        int lead = raw.length() - raw.stripLeading().length();
        String stripped = raw.strip();
        if (stripped.isEmpty()) return null;
        List<Segment> out = new ArrayList<>();
        int i = lead, end = lead + stripped.length();
        while (i < end) {
            int start = i;
            while (i < end && !gapAt(raw, i, end)) i++;
            String text = raw.substring(start, i).strip();
            if (!text.isEmpty()) {
                int s = raw.indexOf(text, start);
                out.add(new Segment(text, s - lead, new Box(s, lineNumber, text.length(), 1f)));
            }
            while (i < end && (raw.charAt(i) == ' ' || raw.charAt(i) == '\t')) i++;
        }
        // a list marker set apart from its item ("•   text", "1.   text") is not a column
        if (out.size() >= 2 && LIST_MARKER.matcher(out.get(0).text()).matches()) {
            Segment m = out.get(0), item = out.get(1);
            String joined = raw.substring(lead + m.offset(), lead + item.end());
            Segment merged = new Segment(joined, m.offset(), m.box().union(item.box()));
            List<Segment> rest = new ArrayList<>(out.subList(2, out.size()));
            rest.add(0, merged);
            return rest;
        }
        return out;
    }

    private static final java.util.regex.Pattern LIST_MARKER =
            java.util.regex.Pattern.compile("[•▪●◦·\\-–*]|\\(?\\d{1,2}[.)]|\\(?[a-z][.)]");

    private static boolean gapAt(String raw, int i, int end) {
        if (raw.charAt(i) == '\t') return true;
        return i + 2 < end && raw.charAt(i) == ' ' && raw.charAt(i + 1) == ' ' && raw.charAt(i + 2) == ' ';
    }
}
