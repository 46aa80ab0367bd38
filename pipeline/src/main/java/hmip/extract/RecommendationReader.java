package hmip.extract;

import hmip.model.Box;
import hmip.model.Provenance;
import hmip.model.Recommendation;
import hmip.reference.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recommendations: items under an "X should:" line, grouped by that addressee, in document order.
 * <ul>
 *   <li>items start with a number ("7.", "10.") and/or a bullet ("-", "•"); the number is kept as printed,
 *       markers are removed; an unnumbered item in a numbered run gets the number the run implies (noted);</li>
 *   <li>wrapped lines and page breaks are joined; the trailing full stop is kept;</li>
 *   <li>a group ends at a heading, at the next "should:" line, or at a capitalised unmarked line after an
 *       item that ended with a full stop (the Inspectorate ends a list's last item with one);</li>
 *   <li>in a regional letter each PDU's recommendations sit under a section heading naming the PDU: the
 *       short line just before the section's first "should:" becomes the provider.</li>
 * </ul>
 */
final class RecommendationReader implements Reader<List<Recommendation>> {
    private static final Pattern SHOULD = Pattern.compile("^(.{2,160}?)\\s+should\\s*:\\s*$", Pattern.CASE_INSENSITIVE);
    /** A line ending like this continues onto the "should:" line: the addressee wrapped. */
    private static final Pattern WRAPPED_ADDRESSEE = Pattern.compile("(?i)(\\b(of|and|the|with|for|in|to|on|by)|[,–-])$");
    private static final Pattern ITEM = Pattern.compile("^(?:[•▪●◦·\\-–*]\\s*)?(?:(\\d{1,2})[.)](?=\\s|$)|\\(?[a-z]\\)(?=\\s))?\\s*(.*)$");
    private static final Pattern NOTE_LINE = Pattern.compile("^\\d{1,3}\\s+\\p{Lu}");
    private static final Pattern MARKED = Pattern.compile("^(?:[•▪●◦·\\-–*]\\s+|[•▪●◦·]|\\d{1,2}[.)](?:\\s|$)|\\(?[a-z]\\)\\s)");

    @Override
    public String name() { return "recommendations"; }

    @Override
    public Read<List<Recommendation>> read(ExtractionContext context) {
        DocumentText rows = context.text();
        String singleProvider = context.singleProvider();
        Reference reference = context.reference();
        Read.Notes notes = new Read.Notes();
        List<Recommendation> out = new ArrayList<>();
        String docId = rows.docId();
        String provider = singleProvider;
        int i = 0;
        int consumedTo = 0; // rows before this belong to an earlier group
        while (i < rows.size()) {
            Row row = rows.get(i);
            String rowText = row.text().strip();
            // the pattern's lazy prefix is tried at every row: only rows ending in a colon can match
            if (!rowText.endsWith(":")) { i++; continue; }
            Matcher should = SHOULD.matcher(rowText);
            boolean marked = startsItem(rows, i + 1);
            if (!should.matches() || !(marked || startsUnmarkedItem(rows, i + 1))) { i++; continue; }
            String printed = should.group(1);
            if (i > 0 && i - 1 >= consumedTo && WRAPPED_ADDRESSEE.matcher(rows.get(i - 1).text().strip()).find()) {
                printed = rows.get(i - 1).text().strip() + " " + printed; // the addressee started on the line before
                consumedTo = i; // and that line is not a section heading
            }
            String addressee = cleanAddressee(printed);
            if (singleProvider == null && i > 0 && i - 1 >= consumedTo) {
                String heading = sectionHeading(rows, i - 1);
                if (heading != null) provider = heading;
            }
            List<Item> items = new ArrayList<>();
            int k = i + 1;
            Item cur = null;
            if (!marked) k = unmarkedItems(rows, k, items);
            while (marked && k < rows.size()) {
                Row r = rows.get(k);
                String t = r.text().strip();
                if (SHOULD.matcher(t).matches()) break;
                if (MARKED.matcher(t).find()) {
                    Matcher m = ITEM.matcher(t);
                    m.matches();
                    cur = new Item(m.group(1) == null ? null : Integer.valueOf(m.group(1)), m.group(2).strip(), r.provenance(docId));
                    items.add(cur);
                    k++;
                    continue;
                }
                if (cur == null || endsGroup(cur, r) || introducesNextGroup(rows, k)) break;
                cur.text = TextJoin.join(cur.text, t);
                cur.provenance = cur.provenance.merge(r.provenance(docId));
                k++;
            }
            if (items.stream().anyMatch(it -> it.text.isEmpty())) {
                notes.add("Recommendations to '" + addressee + "' have numbers printed apart from their text (the converter "
                        + "emitted the number column first); their texts could not be paired with numbers reliably.");
            }
            numberUnnumbered(items, addressee, notes);
            String level = reference.addresseeLevel(addressee);
            for (Item it : items) {
                if (it.text.isEmpty()) continue;
                String text = TextJoin.normaliseSpace(TextJoin.stripFootnoteMarkers(it.text));
                if (!text.equals(TextJoin.normaliseSpace(it.text))) {
                    notes.add("A footnote number glued to recommendation " + it.number + " to '" + addressee + "' was removed from its text.");
                }
                out.add(new Recommendation(provider, addressee, level, it.number, text, it.provenance));
            }
            i = k;
            consumedTo = k;
        }
        return Read.of(out, notes.list());
    }

    private static final class Item {
        Integer number;
        String text;
        Provenance provenance;

        Item(Integer number, String text, Provenance provenance) {
            this.number = number;
            this.text = text;
            this.provenance = provenance;
        }
    }

    private static boolean startsItem(DocumentText rows, int i) {
        return i < rows.size() && MARKED.matcher(rows.get(i).text().strip()).find();
    }

    /** A list printed without markers (bullets drawn as graphics) starts with a lower-case verb: "ensure ...". */
    private static boolean startsUnmarkedItem(DocumentText rows, int i) {
        if (i >= rows.size()) return false;
        Row r = rows.get(i);
        String t = r.text().strip();
        return !t.isEmpty() && Character.isLowerCase(t.charAt(0)) && !r.bold();
    }

    /**
     * Items of a list printed without markers, from row {@code from}; returns the row after the list. The list
     * runs while rows keep its left edge (running text after it starts further left) and no heading or
     * "should:" line comes. With geometry, an item ends where its line stops short of the list's right edge
     * by more than the next line's first word (that word would have fitted: the break is the item's end) or
     * where the gap to the next line is wider than the list's line pitch; without geometry each line is an item.
     */
    private static int unmarkedItems(DocumentText rows, int from, List<Item> items) {
        Row first = rows.get(from);
        int end = from;
        float maxRight = 0f;
        while (end < rows.size()) {
            Row r = rows.get(end);
            String t = r.text().strip();
            if (t.isEmpty() || r.bold() || SHOULD.matcher(t).matches() || MARKED.matcher(t).find()) break;
            if (first.extent() != null && (r.extent() == null || Math.abs(r.extent().x() - first.extent().x()) > slack(first))) break;
            if (end > from && first.extent() == null && Character.isUpperCase(t.charAt(0))) break;
            if (end > from && introducesNextGroup(rows, end)) break;
            if (r.extent() != null) maxRight = Math.max(maxRight, r.extent().right());
            end++;
            if (t.endsWith(".") && end < rows.size() && !Character.isLowerCase(rows.get(end).text().strip().isEmpty()
                    ? 'X' : rows.get(end).text().strip().charAt(0))) {
                break; // the Inspectorate ends a list's last item with a full stop
            }
        }
        float pitch = Float.MAX_VALUE;
        for (int k = from + 1; k < end; k++) {
            Row a = rows.get(k - 1), b = rows.get(k);
            if (a.extent() != null && b.extent() != null && a.page() == b.page()) {
                pitch = Math.min(pitch, b.extent().y() - a.extent().y());
            }
        }
        String docId = rows.docId();
        Item cur = null;
        for (int k = from; k < end; k++) {
            Row r = rows.get(k);
            String t = r.text().strip();
            if (cur == null || itemEnded(rows.get(k - 1), r, maxRight, pitch)) {
                cur = new Item(null, t, r.provenance(docId));
                items.add(cur);
            } else {
                cur.text = TextJoin.join(cur.text, t);
                cur.provenance = cur.provenance.merge(r.provenance(docId));
            }
        }
        return end;
    }

    /** How far a left edge may wander and still be the list's: 3 points, or no character at all in plain text. */
    private static float slack(Row r) { return r.onCharacterGrid() ? 0.5f : 3f; }

    private static boolean itemEnded(Row above, Row r, float maxRight, float pitch) {
        Box a = above.extent(), b = r.extent();
        if (a == null || b == null) return true;
        float extra = r.onCharacterGrid() ? 0.5f : 2f; // a blank line, or a few points more than the line pitch
        if (above.page() == r.page() && pitch != Float.MAX_VALUE && b.y() - a.y() > pitch + extra) return true;
        String t = r.text().strip();
        int space = t.indexOf(' ');
        String firstWord = space < 0 ? t : t.substring(0, space);
        float charWidth = b.width() / Math.max(1, t.length());
        return a.right() + charWidth * (firstWord.length() + 1) < maxRight - charWidth;
    }

    /** A heading, or a capitalised line after an item that already ended its sentence, closes the list. */
    private static boolean endsGroup(Item cur, Row r) {
        String t = r.text().strip();
        if (r.bold() && !cur.text.isEmpty()) return true;
        // "4 ViSOR (also known as ...)": a footnote that text without positions leaves in the body, not a wrap
        if (NOTE_LINE.matcher(t).find()) return true;
        boolean ended = cur.text.endsWith(".");
        return ended && !t.isEmpty() && !Character.isLowerCase(t.charAt(0));
    }

    /**
     * A line right before a "should:" line that is a section heading or the first half of a wrapped
     * addressee belongs to the next group, even when the last item did not end with a full stop.
     */
    private static boolean introducesNextGroup(DocumentText rows, int k) {
        if (k + 1 >= rows.size() || !SHOULD.matcher(rows.get(k + 1).text().strip()).matches()) return false;
        String t = rows.get(k).text().strip();
        return sectionHeading(rows, k) != null || WRAPPED_ADDRESSEE.matcher(t).find() && Character.isUpperCase(t.charAt(0));
    }

    /** The section heading naming the inspected unit: a short, unpunctuated line right before the "should:" line. */
    private static String sectionHeading(DocumentText rows, int i) {
        String t = rows.get(i).text().strip();
        if (t.isEmpty() || t.length() > 80 || MARKED.matcher(t).find()) return null;
        if (t.endsWith(".") || t.endsWith(":") || t.endsWith(",") || t.endsWith(";")) return null;
        if (!Character.isUpperCase(t.charAt(0))) return null;
        if (t.split("\\s+").length > 8) return null;
        return t;
    }

    private static String cleanAddressee(String printed) {
        return TextJoin.normaliseSpace(printed.replaceAll("^[•▪●◦·\\-–*]\\s*", ""));
    }

    /** An unnumbered item inside a numbered run takes the number the run implies, and that is noted. */
    private static void numberUnnumbered(List<Item> items, String addressee, Read.Notes notes) {
        boolean anyNumbered = items.stream().anyMatch(it -> it.number != null);
        if (!anyNumbered) return;
        for (int j = 0; j < items.size(); j++) {
            Item it = items.get(j);
            if (it.number != null) continue;
            Integer implied = null;
            if (j + 1 < items.size() && items.get(j + 1).number != null) implied = items.get(j + 1).number - 1;
            else if (j > 0 && items.get(j - 1).number != null) implied = items.get(j - 1).number + 1;
            if (implied != null && implied >= 1) {
                it.number = implied;
                notes.add("Recommendation " + implied + " to '" + addressee + "' is printed without its number; numbered from the sequence.");
            }
        }
    }
}
