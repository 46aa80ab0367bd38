package hmip.extract;

import hmip.model.KeyQuestion;
import hmip.model.Provenance;
import hmip.reference.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Key questions with their printed "% Yes". Two printed forms:
 * <ul>
 *   <li>2021+ per-standard tables headed "Key question | Percentage 'Yes'" (or "Outcomes | Percentage"),
 *       under the standard's heading, questions without codes;</li>
 *   <li>2018 Annex 2 rows with codes ("2.1.1. Does assessment ...?  83%"), standard taken from the code.</li>
 * </ul>
 * Converters wrap long questions, so the percentage may come before the wrap, in the middle, on the
 * question's last line or on the line after it. A question is complete at its "?"; a percentage seen
 * while it is being read, or on the line right after it, belongs to it. Questions with no printed
 * percentage are skipped.
 */
final class KeyQuestionReader implements Reader<List<KeyQuestion>> {
    private static final Pattern PERCENT = Pattern.compile("(?<![\\d.])(\\d{1,3})\\s?%(?!\\S)");
    private static final Pattern CODED = Pattern.compile("^(\\d)\\.(\\d)\\.(\\d)\\.?\\s+(.+)$");
    private static final Pattern TABLE_HEADER = Pattern.compile("(?i)^(key questions?|outcomes?)\\b.*\\b(percentage|% ?yes)");
    private static final Pattern HEADER_LABEL = Pattern.compile("(?i)^(key questions?|outcomes?)$");
    private static final Pattern PERCENT_TITLE = Pattern.compile("(?i)^(percentage|%)?\\s*['‘’\"“”]?yes['‘’\"“”]?$|^percentage(\\s*['‘’\"“”]?yes['‘’\"“”]?)?$|^% ?yes$");
    private static final Pattern YES_CELL = Pattern.compile("(?i)^['‘’\"“”]?yes['‘’\"“”]?$");
    private static final Pattern QUESTION_START = Pattern.compile("^(Does|Do|Is|Are|Has|Have|Was|Were|Did|Can|To what extent|How)\\b");
    private static final Pattern FOOTNOTE_AFTER_QUESTION = Pattern.compile("\\?\\s*\\d{1,2}$");

    @Override
    public String name() { return "key questions"; }

    @Override
    public Read<List<KeyQuestion>> read(ExtractionContext context) {
        DocumentText rows = context.text();
        Reference.Framework framework = context.framework();
        String provider = context.singleProvider();
        Read.Notes notes = new Read.Notes();
        List<KeyQuestion> out = new ArrayList<>();
        String docId = rows.docId();

        boolean inTable = false;
        Draft q = null;       // the question being read
        Draft done = null;    // a finished question still waiting for its percentage on the next line
        for (Row row : rows.rows()) {
            int i = row.index();
            String t = row.text().strip();
            if (isTableHeader(rows, i)) { inTable = true; q = null; done = null; continue; }
            if (YES_CELL.matcher(t).matches() || PERCENT_TITLE.matcher(t).matches()) continue; // rest of a split header

            Matcher coded = CODED.matcher(t);
            boolean startsCoded = coded.matches() && framework != null
                    && framework.standard(coded.group(1) + "." + coded.group(2)).isPresent();
            List<Integer> percents = new ArrayList<>();
            String body = stripPercents(t, percents);

            if (done != null) {
                if (body.isEmpty() && percents.size() == 1) { emit(out, done, percents.get(0), provider, row.provenance(docId)); done = null; continue; }
                if (body.matches("\\d{1,2}") && percents.isEmpty()) continue; // a footnote number between question and value
                done = null;
            }
            if (startsCoded) {
                q = new Draft(coded.group(1) + "." + coded.group(2), coded.group(1) + "." + coded.group(2) + "." + coded.group(3), row.provenance(docId));
                body = stripPercents(coded.group(4), percents = new ArrayList<>());
            } else if (q == null) {
                if (!inTable) continue;
                if (!QUESTION_START.matcher(body).find()) {
                    // a heading row inside a multi-standard table keeps the table open; prose ends it
                    if (StandardHeadings.heading(rows, row, framework).isEmpty() && !body.isEmpty()) inTable = false;
                    continue;
                }
                q = new Draft(context.standardAt(i), null, row.provenance(docId));
            }
            q.append(body, row.provenance(docId));
            q.percents.addAll(percents);
            if (q.complete()) {
                if (q.percents.size() == 1) emit(out, q, q.percents.get(0), provider, q.provenance);
                else if (q.percents.isEmpty()) done = q;
                else notes.add("Key question '" + q.text() + "' has several percentages " + q.percents + "; skipped.");
                q = null;
            } else if (q.text.length() > 400) {
                q = null; // not a question after all
            }
        }
        return Read.of(out, notes.list());
    }

    /**
     * "Key question | Percentage 'Yes'" on one row, or split by a converter that prints the column
     * titles on separate lines ("Percentage" / "Key question" / "'Yes'", or after the first question).
     */
    private static boolean isTableHeader(DocumentText rows, int i) {
        String t = rows.get(i).text().strip();
        if (TABLE_HEADER.matcher(t).find()) return true;
        if (!HEADER_LABEL.matcher(t).matches()) return false;
        // the percentage column title may follow the question text when columns are printed one after the other
        for (int k = Math.max(0, i - 1); k <= Math.min(rows.size() - 1, i + 3); k++) {
            if (k != i && PERCENT_TITLE.matcher(rows.get(k).text().strip()).matches()) return true;
        }
        return false;
    }

    private static void emit(List<KeyQuestion> out, Draft q, int percent, String provider, Provenance where) {
        if (q.standard == null) return;
        out.add(new KeyQuestion(provider, q.standard, q.code, q.text(), percent, q.provenance.merge(where)));
    }

    private static String stripPercents(String text, List<Integer> percents) {
        Matcher m = PERCENT.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            percents.add(Integer.parseInt(m.group(1)));
            m.appendReplacement(sb, " ");
        }
        m.appendTail(sb);
        return sb.toString().replaceAll("\\s+", " ").strip();
    }

    private static final class Draft {
        final String standard;
        final String code;
        Provenance provenance;
        final StringBuilder text = new StringBuilder();
        final List<Integer> percents = new ArrayList<>();

        Draft(String standard, String code, Provenance provenance) {
            this.standard = standard;
            this.code = code;
            this.provenance = provenance;
        }

        void append(String s, Provenance p) {
            if (s.isEmpty()) return;
            text.replace(0, text.length(), TextJoin.join(text.toString(), s));
            provenance = provenance.merge(p);
        }

        boolean complete() {
            String t = text.toString();
            return t.endsWith("?") || FOOTNOTE_AFTER_QUESTION.matcher(t).find();
        }

        /** The question as printed, with footnote numbers glued to it (e.g. after the "?") removed. */
        String text() {
            return TextJoin.stripFootnoteMarkers(text.toString().replaceAll("\\?\\s*\\d{1,2}$", "?"));
        }
    }
}
