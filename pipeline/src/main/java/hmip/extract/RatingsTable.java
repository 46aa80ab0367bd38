package hmip.extract;

import hmip.model.Provenance;
import hmip.model.Score;
import hmip.model.StandardRating;
import hmip.reference.Reference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads ratings tables: a single report's "Ratings" table, each PDU's table in a regional letter's Annexe
 * two, and the 2018 ratings panel ("Service:" / "Fieldwork started:"). Layout has already turned positioned
 * tables into rows of cells (a wrapped cell is one cell, a grid of tiles one row per tile), but converters
 * of text without geometry still print these tables very differently (every cell on its own line, labels
 * before values, name and fieldwork glued on one line), so the rows are read as a stream of facts:
 * <ul>
 *   <li>anchors open a unit: "Score N/M", "Fieldwork started Month YYYY", "Overall rating", "Service:";</li>
 *   <li>a unit's name is the text before an anchor on its row, or the row just before its first anchor;</li>
 *   <li>standard rows ("1.1 Leadership") take the rating on the same row or the next rating-only row;</li>
 *   <li>an anchor after standard rows, or a second score/fieldwork, starts the next unit.</li>
 * </ul>
 */
final class RatingsTable {
    private static final Pattern STANDARD_ROW = Pattern.compile("^(\\d)\\.(\\d)\\.?(?:\\s+(.*))?$");
    private static final Pattern DOMAIN_ROW = Pattern.compile("^(\\d)\\.?(?:\\s+(\\p{L}.{0,70}))?$");
    private static final Pattern OVERALL_LABEL = Pattern.compile("(?i)rall\\s*rating:?");
    private static final Pattern LABEL_ROW = Pattern.compile("(?i)^(service|provider|division|pdu|crc|organisation|area|region):\\s*(.*)$");
    private static final Set<String> NOT_NAMES = Set.of("ratings", "rating", "contents", "summary");

    private final RatingWords words;
    private final Pattern fieldwork;
    private final Pattern monthYear;

    RatingsTable(RatingWords words) {
        this.words = words;
        String months = DocumentClassifier.MONTHS;
        this.fieldwork = Pattern.compile("(?i)^(.*?)\\s*\\S*work\\s+started:?\\s*(?:(?:\\d{1,2}\\s+)?(" + months + ")\\s+(\\d{4}))?$");
        this.monthYear = Pattern.compile("(?i)^(?:\\d{1,2}\\s+)?(" + months + ")\\s+(\\d{4})$");
    }

    /** The units the tables print, and the rows read as part of a table. */
    /** The units read, the rows they used, and labels printed with no value read beside them (gaps). */
    record Result(List<UnitDraft> units, Set<Integer> tableRows, List<String> unfilledLabels) {}

    /** What a table row still owes a value to: a standard's rating, or the overall rating. */
    private record Pending(String standard) {
        static final Pending OVERALL = new Pending(null);

        boolean overall() { return standard == null; }
    }

    /** A label cell whose value is printed in a later cell ("Service:" ... name). */
    private enum Label { NAME, FIELDWORK, SCORE }

    /** The reading state while walking the rows. */
    private final class State {
        final List<UnitDraft> out = new ArrayList<>();
        final Set<Integer> consumed = new HashSet<>();
        UnitDraft cur;
        // standards (or the overall rating) awaiting their rating cells, first in first out: a converter that
        // prints the label column before the value column gives several labels, then their values
        final Deque<Pending> pending = new ArrayDeque<>();
        final Deque<Label> labels = new ArrayDeque<>();
        final List<String> unfilled = new ArrayList<>();
        int last = -10; // index of the last row that belonged to a table
        final Read.Notes notes;
        final Reference.Framework framework;
        final String docId;

        State(Read.Notes notes, Reference.Framework framework, String docId) {
            this.notes = notes;
            this.framework = framework;
            this.docId = docId;
        }
    }

    Result read(DocumentText rows, Reference.Framework framework, Read.Notes notes) {
        State s = new State(notes, framework, rows.docId());
        for (Row row : rows.rows()) {
            int i = row.index();
            String text = row.text();
            Provenance prov = row.provenance(s.docId);
            Anchor a = anchor(text, prov);
            if (a != null) {
                openOrContinue(s, rows, i, a, prov);
                s.consumed.add(i);
                s.last = i;
                continue;
            }
            if (s.cur == null || i - s.last > 1) continue;
            if (continuesTable(s, text, prov)) {
                s.consumed.add(i);
                s.last = i;
            } else {
                s.last = -10; // anything else ends the table
            }
        }
        close(s);
        return new Result(s.out, s.consumed, s.unfilled);
    }

    /**
     * Ends the current unit. A "Fieldwork started:" or "Score" label whose value was never found is a gap:
     * the table printed a value this reading did not see.
     */
    private static void close(State s) {
        UnitDraft cur = s.cur;
        if (cur == null || cur.isEmpty()) return;
        s.out.add(cur);
        String unit = cur.name == null ? "a ratings table" : "the ratings table of " + cur.name;
        if (s.labels.contains(Label.FIELDWORK) && cur.fieldworkStarted == null) {
            s.unfilled.add("the 'Fieldwork started' label in " + unit + " has no date that could be read beside it");
        }
        if (s.labels.contains(Label.SCORE) && cur.score == null) {
            s.unfilled.add("the 'Score' label in " + unit + " has no score that could be read beside it");
        }
    }

    private void openOrContinue(State s, DocumentText rows, int i, Anchor a, Provenance prov) {
        UnitDraft cur = s.cur;
        boolean fresh = cur == null || i - s.last > 2 || cur.hasRatings()
                || (a.score != null && cur.score != null)
                || (a.fieldwork != null && cur.fieldworkStarted != null)
                || (a.overall && (cur.overallRating != null || cur.overallPrinted != null));
        if (fresh) {
            close(s);
            cur = s.cur = new UnitDraft();
            cur.provenance = prov;
            s.pending.clear();
            s.labels.clear();
            // a name on the row above starts with a capital ("Camden & Islington PDU"); a lower-case start
            // is the end of a wrapped sentence (the text before an anchor on its own row may be clipped instead)
            String above = i > 0 ? rows.get(i - 1).text().strip() : "";
            if (a.name == null && !a.nameLabel && !above.isEmpty() && Character.isUpperCase(above.charAt(0))
                    && isNameCandidate(above) && !s.consumed.contains(i - 1)) {
                cur.name = rows.get(i - 1).text().strip();
                cur.provenance = rows.get(i - 1).provenance(s.docId);
                s.consumed.add(i - 1);
            }
        }
        if (a.name != null && cur.name == null) cur.name = a.name;
        else if (a.name != null && !a.name.equals(cur.name)) {
            s.notes.add("Ratings table row '" + rows.get(i).text() + "' names '" + a.name + "' inside the table of '" + cur.name + "'.");
        }
        if (a.fieldwork != null && !a.fieldwork.isEmpty()) cur.fieldworkStarted = a.fieldwork;
        if (a.score != null) cur.score = a.score;
        if (a.overall) {
            if (a.overallValue == null) s.pending.addLast(Pending.OVERALL);
            else setOverall(s, a.overallValue, prov);
        }
        s.labels.addAll(a.labels);
    }

    /**
     * Reads one row inside a table: a waiting label's value, a standard row, a rating cell for the oldest
     * waiting label, a domain row, a standard's name printed in its own cell, or a placeholder where the
     * overall rating should be. False when the row is none of these, which ends the table.
     */
    private boolean continuesTable(State s, String text, Provenance prov) {
        UnitDraft cur = s.cur;
        if (!s.labels.isEmpty() && labelValue(s, text, prov)) return true;
        Matcher sm = STANDARD_ROW.matcher(text);
        if (sm.matches() && s.framework != null && s.framework.standard(sm.group(1) + "." + sm.group(2)).isPresent()) {
            String code = sm.group(1) + "." + sm.group(2);
            String rest = sm.group(3) == null ? "" : sm.group(3).strip();
            Optional<RatingWords.Trailing> t = words.trailing(rest);
            if (t.isPresent()) putRating(s, code, t.get().rating(), prov);
            else if (rest.split("\\s+").length <= 6 && !rest.endsWith(".")) s.pending.addLast(new Pending(code));
            else return false; // prose that happens to start with a code
            return true;
        }
        Optional<String> only = words.whole(text);
        if (only.isPresent() && !s.pending.isEmpty()) {
            Pending target = s.pending.removeFirst();
            if (target.overall()) setOverall(s, only.get(), prov);
            else putRating(s, target.standard(), only.get(), prov);
            return true;
        }
        if (isDomainRow(s.framework, text)) return true;
        if (!s.pending.isEmpty() && !s.pending.peekLast().overall() && isStandardName(s.framework, s.pending.peekLast().standard(), text)) {
            return true; // "2.1" / "Court work" / "Not rated": each cell on its own line
        }
        if (!s.pending.isEmpty() && s.pending.peekFirst().overall() && isPlaceholder(text)) {
            setOverall(s, text, prov);
            s.pending.removeFirst();
            return true;
        }
        return false;
    }

    /** "1. Organisational delivery": a framework's domain heading inside the table (the name is optional). */
    private boolean isDomainRow(Reference.Framework framework, String text) {
        Matcher m = DOMAIN_ROW.matcher(text);
        if (!m.matches() || text.endsWith(".") || words.trailing(text).isPresent()) return false;
        return framework == null || framework.hasDomain(Integer.parseInt(m.group(1)));
    }

    /** The anchor facts on one row, or null when the row is not a table anchor. */
    private Anchor anchor(String text, Provenance prov) {
        Anchor a = new Anchor();
        String rest = text.strip();
        Optional<ScoreParser.Found> score = ScoreParser.find(rest, prov);
        if (score.isPresent()) {
            a.score = score.get().score();
            rest = score.get().before();
        } else {
            Matcher lab = ScoreParser.SCORE_LABEL_ONLY.matcher(rest);
            if ((rest.endsWith("Score") || rest.endsWith("Score:")) && lab.matches()) { // "Score" with its value in the next cell/line
                a.labels.add(Label.SCORE);
                rest = lab.group(1).strip();
            }
        }
        Matcher o = OVERALL_LABEL.matcher(rest);
        if (o.find()) {
            String label = rest.substring(0, o.end());
            String letters = label.replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT);
            String value = rest.substring(o.end()).strip();
            // the cell beside the label holds a rating or a placeholder; anything longer is a sentence
            // that happens to say "overall rating"
            boolean cellValue = value.isEmpty() || words.whole(value).isPresent() || isPlaceholder(value);
            if (letters.startsWith("o") && letters.length() <= 16 && cellValue) {
                a.overall = true;
                a.overallValue = value.isEmpty() ? null : value;
                return a;
            }
        }
        Matcher f = fieldwork.matcher(rest);
        if (Text.containsIgnoreCase(rest, "started") && f.matches()) {
            a.fieldwork = f.group(2) == null ? "" : String.format("%s-%02d", f.group(3), DocumentClassifier.month(f.group(2)));
            if (f.group(2) == null) a.labels.add(Label.FIELDWORK);
            rest = f.group(1).strip();
            if (rest.endsWith(":")) { // "Service: Fieldwork started:" in one row
                Matcher l = LABEL_ROW.matcher(rest);
                if (l.matches()) { a.labels.add(0, Label.NAME); rest = ""; }
            }
        }
        Matcher l = LABEL_ROW.matcher(rest);
        if (l.matches()) {
            String value = l.group(2).strip();
            if (value.isEmpty()) a.labels.add(0, Label.NAME);
            else a.name = value;
            rest = "";
        }
        if (a.score == null && a.fieldwork == null && a.labels.isEmpty() && a.name == null) return null;
        if (!rest.isEmpty() && a.name == null) {
            if (isNameCandidate(rest)) a.name = rest;
            else return null; // "score"/"fieldwork" inside prose
        }
        a.nameLabel = a.labels.contains(Label.NAME);
        return a;
    }

    private static final class Anchor {
        String name;
        String fieldwork;
        Score score;
        boolean overall;
        String overallValue;
        boolean nameLabel; // "Service:" announces the name in a later cell, so no look-back
        final List<Label> labels = new ArrayList<>();
    }

    /** Fills the oldest waiting label ("Service:" then "Fieldwork started:") with this row's value. */
    private boolean labelValue(State s, String text, Provenance prov) {
        Label label = s.labels.peekFirst();
        UnitDraft cur = s.cur;
        switch (label) {
            case FIELDWORK -> {
                Matcher m = monthYear.matcher(text.strip());
                if (!m.matches()) return false;
                cur.fieldworkStarted = String.format("%s-%02d", m.group(2), DocumentClassifier.month(m.group(1)));
            }
            case SCORE -> {
                Matcher m = ScoreParser.FRACTION.matcher(text.strip());
                if (!m.matches()) return false;
                cur.score = new Score(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), prov);
            }
            case NAME -> {
                if (!isNameCandidate(text)) return false;
                cur.name = text.strip();
            }
        }
        s.labels.removeFirst();
        return true;
    }

    private void setOverall(State s, String value, Provenance prov) {
        Optional<String> r = words.whole(value);
        if (r.isPresent()) {
            s.cur.overallRating = r.get();
            s.cur.overallProvenance = prov;
        } else {
            s.cur.overallPrinted = value;
            s.notes.add("The overall rating cell of " + s.cur.name + " prints '" + value + "' instead of a rating.");
        }
    }

    private void putRating(State s, String code, String rating, Provenance prov) {
        StandardRating previous = s.cur.ratings.putIfAbsent(code, new StandardRating(code, rating, prov));
        if (previous != null && !previous.rating().equals(rating)) {
            s.notes.add("Ratings table of " + s.cur.name + " prints " + code + " twice: '" + previous.rating() + "' and '" + rating + "'; first kept.");
        }
    }

    private static boolean isStandardName(Reference.Framework framework, String code, String text) {
        return framework != null && framework.standard(code)
                .map(st -> text.strip().equalsIgnoreCase(st.name()))
                .orElse(false);
    }

    private static boolean isPlaceholder(String text) {
        return text.length() <= 20 && text.matches("[\\p{L} ]+") && text.split("\\s+").length <= 2;
    }

    boolean isNameCandidate(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.length() > 120 || !Character.isLetter(t.charAt(0))) return false;
        if (t.endsWith(".") || t.endsWith(":") || t.endsWith("?") || t.endsWith(",")) return false;
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.contains("should:") || words.isRating(t)) return false;
        if (NOT_NAMES.contains(lower) || lower.startsWith("annex")) return false;
        return t.split("\\s+").length <= 14;
    }
}
