package hmip.extract;

import hmip.model.Provenance;
import hmip.model.StandardRating;
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
 * Reads ratings tables: a single report's "Ratings" table, each PDU's table in a regional letter's
 * Annexe two, and the 2018 ratings panel ("Service:" / "Fieldwork started:"). Converters print these
 * tables very differently (one row per line with tab-separated cells, every cell on its own line,
 * labels before values, name and fieldwork glued on one line, clipped words), so the table is read as
 * a stream of facts rather than by position:
 * <ul>
 *   <li>anchors open a provider: "Score N/M", "Fieldwork started Month YYYY", "Overall rating", "Service:";</li>
 *   <li>a provider's name is the text before an anchor on its row, or the row just before its first anchor;</li>
 *   <li>standard rows ("1.1 Leadership") take the rating on the same row or the next rating-only row;</li>
 *   <li>an anchor after standard rows, or a second score/fieldwork, starts the next provider.</li>
 * </ul>
 */
final class RatingsTableExtractor {
    private static final Pattern STANDARD_ROW = Pattern.compile("^(\\d)\\.(\\d)\\.?(?:\\s+(.*))?$");
    private static final Pattern DOMAIN_ROW = Pattern.compile("^\\d\\.?(?:\\s+\\p{L}.{0,70})?$");
    private static final Pattern OVERALL_LABEL = Pattern.compile("(?i)rall\\s*rating:?");
    private static final Pattern LABEL_ROW = Pattern.compile("(?i)^(service|provider|division|pdu|crc|organisation|area|region):\\s*(.*)$");
    private static final Set<String> NOT_NAMES = Set.of("ratings", "rating", "contents", "summary");

    private final Rules rules;
    private final RatingWords words;
    private final Pattern fieldwork;
    private final Pattern monthYear;

    RatingsTableExtractor(Rules rules, RatingWords words) {
        this.rules = rules;
        this.words = words;
        String months = rules.monthAlternation();
        this.fieldwork = Pattern.compile("(?i)^(.*?)\\s*\\S*work\\s+started:?\\s*(?:(?:\\d{1,2}\\s+)?(" + months + ")\\s+(\\d{4}))?$");
        this.monthYear = Pattern.compile("(?i)^(?:\\d{1,2}\\s+)?(" + months + ")\\s+(\\d{4})$");
    }

    record Result(List<ProviderDraft> providers, Set<Integer> consumedRows) {}

    Result extract(DocRows rows, Rules.Framework framework, Notes notes) {
        List<ProviderDraft> out = new ArrayList<>();
        Set<Integer> consumed = new HashSet<>();
        ProviderDraft cur = null;
        // standard codes (or OVERALL) awaiting their rating cells, first in first out: a converter that
        // prints the label column before the value column gives several labels, then their values
        Deque<String> pending = new ArrayDeque<>();
        Deque<String> labels = new ArrayDeque<>(); // "name"/"fieldwork" labels awaiting their values
        int last = -10;                         // index of the last row that belonged to a table
        String docId = rows.docId();

        for (Row row : rows.rows()) {
            int i = row.index();
            String text = row.text();
            Provenance prov = row.provenance(docId);
            Anchor a = anchor(text, prov);
            if (a != null) {
                boolean fresh = cur == null || i - last > 2 || cur.hasRatings()
                        || (a.score != null && cur.score != null)
                        || (a.fieldwork != null && cur.fieldworkStarted != null)
                        || (a.overall && (cur.overallRating != null || cur.overallPrinted != null));
                if (fresh) {
                    if (cur != null && !cur.isEmpty()) out.add(cur);
                    cur = new ProviderDraft();
                    cur.provenance = prov;
                    pending.clear();
                    labels.clear();
                    if (a.name == null && !a.nameLabel && i > 0 && isNameCandidate(rows.get(i - 1).text())
                            && !consumed.contains(i - 1)) {
                        cur.name = rows.get(i - 1).text().strip();
                        cur.provenance = rows.get(i - 1).provenance(docId);
                        consumed.add(i - 1);
                    }
                }
                if (a.name != null && cur.name == null) cur.name = a.name;
                else if (a.name != null && !a.name.equals(cur.name)) {
                    notes.add("Ratings table row '" + text + "' names '" + a.name + "' inside the table of '" + cur.name + "'.");
                }
                if (a.fieldwork != null && !a.fieldwork.isEmpty()) cur.fieldworkStarted = a.fieldwork;
                if (a.score != null) cur.score = a.score;
                if (a.overall) {
                    if (a.overallValue == null) pending.addLast(OVERALL);
                    else setOverall(cur, a.overallValue, notes);
                }
                labels.addAll(a.labels);
                consumed.add(i);
                last = i;
                continue;
            }
            if (cur == null || i - last > 1) continue;
            if (continuesTable(text, prov, cur, pending, labels, framework, notes)) {
                consumed.add(i);
                last = i;
            } else {
                last = -10; // anything else ends the table
            }
        }
        if (cur != null && !cur.isEmpty()) out.add(cur);
        return new Result(out, consumed);
    }

    /**
     * Reads one row inside a table: a waiting label's value, a standard row, a rating cell for the oldest
     * waiting label, a domain row, a standard's name printed in its own cell, or a placeholder where the
     * overall rating should be. False when the row is none of these, which ends the table.
     */
    private boolean continuesTable(String text, Provenance prov, ProviderDraft cur, Deque<String> pending,
                                   Deque<String> labels, Rules.Framework framework, Notes notes) {
        if (!labels.isEmpty() && labelValue(cur, labels, text, prov)) return true;
        Matcher sm = STANDARD_ROW.matcher(text);
        if (sm.matches() && framework != null && framework.standard(sm.group(1) + "." + sm.group(2)).isPresent()) {
            String code = sm.group(1) + "." + sm.group(2);
            String rest = sm.group(3) == null ? "" : sm.group(3).strip();
            Optional<RatingWords.Trailing> t = words.trailing(rest);
            if (t.isPresent()) putRating(cur, code, t.get().rating(), prov, notes);
            else if (rest.split("\\s+").length <= 6 && !rest.endsWith(".")) pending.addLast(code);
            else return false; // prose that happens to start with a code
            return true;
        }
        Optional<String> only = words.whole(text);
        if (only.isPresent() && !pending.isEmpty()) {
            String target = pending.removeFirst();
            if (target.equals(OVERALL)) setOverall(cur, only.get(), notes);
            else putRating(cur, target, only.get(), prov, notes);
            return true;
        }
        if (DOMAIN_ROW.matcher(text).matches() && !text.endsWith(".") && words.trailing(text).isEmpty()) return true;
        if (!pending.isEmpty() && !pending.peekLast().equals(OVERALL) && isStandardName(framework, pending.peekLast(), text)) {
            return true; // "2.1" / "Court work" / "Not rated": each cell on its own line
        }
        if (!pending.isEmpty() && pending.peekFirst().equals(OVERALL) && isPlaceholder(text)) {
            setOverall(cur, text, notes);
            pending.removeFirst();
            return true;
        }
        return false;
    }

    private static final String OVERALL = "\u0000overall";

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
                a.labels.add("score");
                rest = lab.group(1).strip();
            }
        }
        Matcher o = OVERALL_LABEL.matcher(rest);
        if (o.find()) {
            String label = rest.substring(0, o.end());
            String letters = label.replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT);
            if (letters.startsWith("o") && letters.length() <= 16) {
                a.overall = true;
                String value = rest.substring(o.end()).strip();
                a.overallValue = value.isEmpty() ? null : value;
                return a;
            }
        }
        Matcher f = fieldwork.matcher(rest);
        if (DocumentClassifier.containsIgnoreCase(rest, "started") && f.matches()) {
            a.fieldwork = f.group(2) == null ? "" : String.format("%s-%02d", f.group(3), rules.month(f.group(2)));
            if (f.group(2) == null) a.labels.add("fieldwork");
            rest = f.group(1).strip();
            if (rest.endsWith(":")) { // "Service: Fieldwork started:" in one row
                Matcher l = LABEL_ROW.matcher(rest);
                if (l.matches()) { a.labels.add(0, "name"); rest = ""; }
            }
        }
        Matcher l = LABEL_ROW.matcher(rest);
        if (l.matches()) {
            String value = l.group(2).strip();
            if (value.isEmpty()) a.labels.add(0, "name");
            else a.name = value;
            rest = "";
        }
        if (a.score == null && a.fieldwork == null && a.labels.isEmpty() && a.name == null) return null;
        if (!rest.isEmpty() && a.name == null) {
            if (isNameCandidate(rest)) a.name = rest;
            else return null; // "score"/"fieldwork" inside prose
        }
        a.nameLabel = a.labels.contains("name");
        return a;
    }

    private static final class Anchor {
        String name;
        String fieldwork;
        hmip.model.Score score;
        boolean overall;
        String overallValue;
        boolean nameLabel; // "Service:" announces the name in a later cell, so no look-back
        final List<String> labels = new ArrayList<>();
    }

    /** Fills the oldest waiting label ("Service:" then "Fieldwork started:") with this row's value. */
    private boolean labelValue(ProviderDraft cur, Deque<String> labels, String text, Provenance prov) {
        String label = labels.peekFirst();
        if ("fieldwork".equals(label)) {
            Matcher m = monthYear.matcher(text.strip());
            if (!m.matches()) return false;
            cur.fieldworkStarted = String.format("%s-%02d", m.group(2), rules.month(m.group(1)));
            labels.removeFirst();
            return true;
        }
        if ("score".equals(label)) {
            Matcher m = ScoreParser.FRACTION.matcher(text.strip());
            if (!m.matches()) return false;
            cur.score = new hmip.model.Score(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), prov);
            labels.removeFirst();
            return true;
        }
        if ("name".equals(label) && isNameCandidate(text)) {
            cur.name = text.strip();
            labels.removeFirst();
            return true;
        }
        return false;
    }

    private void setOverall(ProviderDraft p, String value, Notes notes) {
        Optional<String> r = words.whole(value);
        if (r.isPresent()) {
            p.overallRating = r.get();
        } else {
            p.overallPrinted = value;
            notes.add("The overall rating cell of " + p.name + " prints '" + value + "' instead of a rating.");
        }
    }

    private void putRating(ProviderDraft p, String code, String rating, Provenance prov, Notes notes) {
        StandardRating previous = p.ratings.putIfAbsent(code, new StandardRating(code, rating, prov));
        if (previous != null && !previous.rating().equals(rating)) {
            notes.add("Ratings table of " + p.name + " prints " + code + " twice: '" + previous.rating() + "' and '" + rating + "'; first kept.");
        }
    }

    private static boolean isStandardName(Rules.Framework framework, String code, String text) {
        return framework != null && framework.standard(code)
                .map(s -> text.strip().equalsIgnoreCase(s.name()))
                .orElse(false);
    }

    private boolean isPlaceholder(String text) {
        return text.length() <= 20 && text.matches("[\\p{L} ]+") && text.split("\\s+").length <= 2;
    }

    boolean isNameCandidate(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.length() > 80 || !Character.isLetter(t.charAt(0))) return false;
        if (t.endsWith(".") || t.endsWith(":") || t.endsWith("?") || t.endsWith(",")) return false;
        if (t.toLowerCase(Locale.ROOT).contains("should:") || words.isRating(t)) return false;
        if (NOT_NAMES.contains(t.toLowerCase(Locale.ROOT)) || t.toLowerCase(Locale.ROOT).startsWith("annex")) return false;
        return t.split("\\s+").length <= 10;
    }
}
