package hmip.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the numbers inspectors cite and what they count: "a backlog of 1,350 cases of police information
 * requests", "up to a 12-week delay", "in 80 per cent of cases", "8 out of 14 staff". Works on OpenNLP
 * part-of-speech tags (universal tags); OpenNLP ships no English chunker model on Maven Central, so noun
 * chunks are built here from the tags (determiners, adjectives, numerals and nouns, joined by "of").
 */
public final class QuantFacts {
    /**
     * One quantitative fact. Offsets index into the analysed text. {@code measure} is the noun the
     * number quantifies from the left ("backlog", "delay") or, for percentages, the clause before it;
     * {@code counted} is the noun chunk it counts ("cases of police information requests").
     */
    public record Fact(double value, String valueText, String qualifier, String unit, Double total, String counted,
                       String measure, String phrase, String sentence, int start, int end) {}

    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(,\\d{3})+|\\d+(\\.\\d+)?");
    private static final Pattern HYPHEN_UNIT = Pattern.compile("(\\d+(?:\\.\\d+)?)-([a-z]+)");
    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
            Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20),
            Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("hundred", 100));
    private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec");
    private static final Set<String> REFERENCE_WORDS = Set.of("page", "pages", "standard", "standards", "paragraph",
            "figure", "table", "annexe", "annex", "appendix", "chapter", "section", "domain", "question", "recommendation",
            "tier", "level", "category", "phase", "covid", "covid-19", "article", "part", "step", "floor", "grade", "band");
    private static final Set<String> QUALIFIERS = Set.of("over", "under", "nearly", "almost", "around", "about",
            "approximately", "roughly", "some", "only", "just", "at least", "up to", "more than", "less than",
            "fewer than", "in excess of", "below", "above", "exceeding", "circa");
    private static final Set<String> TIME_UNITS = Set.of("day", "week", "month", "year", "hour", "minute", "fortnight");

    private QuantFacts() {}

    public static List<Fact> find(String text) { return find(text, Nlp.sentences(text)); }

    /**
     * Facts in the sentences of {@code text}. Only a sentence with a number that passes the checks
     * needing no part-of-speech tags (not a reference, date, year, decimal or list marker) is tokenized
     * by the model and tagged: tagging every sentence would cost more than parsing the PDF.
     */
    public static List<Fact> find(String text, List<Nlp.Sentence> sentences) {
        List<Fact> out = new ArrayList<>();
        for (Nlp.Sentence s : sentences) {
            if (!hasNumberWord(s)) continue;
            List<Nlp.Token> untagged = Nlp.tokens(s);
            boolean[] near = nearCandidates(untagged);
            if (near == null) continue;
            List<Nlp.Token> t = Nlp.tag(untagged, near);
            for (int i = 0; i < t.size(); i++) {
                Fact f = at(text, s, t, i);
                if (f != null) out.add(f);
            }
        }
        return out;
    }

    private static boolean hasNumberWord(Nlp.Sentence s) {
        for (Nlp.Token w : s.words()) {
            if (Character.isDigit(w.text().charAt(0)) || WORDS.containsKey(w.lower())) return true;
        }
        return false;
    }

    /** Tokens a fact may reach: {@value #REACH} tokens either side of a number that passes the tag-free checks. */
    static final int REACH = 16;

    /**
     * Which tokens to tag: those within {@link #REACH} of a candidate number (a number word counts
     * whatever its tag, so every token {@link #at} looks at is tagged); null when there is no candidate.
     * The clause before a percentage is read up to 15 tokens back, noun chunks after a number rarely
     * reach further; a reach of 10 changed the measured clause of 7 of the samples' 465 facts.
     */
    private static boolean[] nearCandidates(List<Nlp.Token> t) {
        boolean[] near = null;
        for (int i = 0; i < t.size(); i++) {
            if (!passesUntaggedChecks(t, i, false)) continue;
            if (near == null) near = new boolean[t.size()];
            for (int k = Math.max(0, i - REACH); k < Math.min(t.size(), i + REACH + 1); k++) near[k] = true;
        }
        return near;
    }

    private static Double number(Nlp.Token tok) { return number(tok, true); }

    private static Double number(Nlp.Token tok, boolean wordsMustBeTaggedNum) {
        String w = tok.text();
        if (w.isEmpty()) return null;
        if (!Character.isDigit(w.charAt(0))) {
            Integer n = WORDS.get(tok.lower());
            return n == null || (wordsMustBeTaggedNum && !"NUM".equals(tok.pos())) ? null : n.doubleValue();
        }
        if (NUMBER.matcher(w).matches()) {
            try {
                return Double.parseDouble(w.replace(",", ""));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        var hu = HYPHEN_UNIT.matcher(w.toLowerCase(Locale.ROOT));
        if (hu.matches()) return Double.parseDouble(hu.group(1));
        Integer n = WORDS.get(tok.lower());
        return n == null || (wordsMustBeTaggedNum && !"NUM".equals(tok.pos())) ? null : n.doubleValue();
    }

    /** Whether token {@code i} is a number and not a reference, a date, a year or a list marker. */
    private static boolean passesUntaggedChecks(List<Nlp.Token> t, int i, boolean tagged) {
        Nlp.Token tok = t.get(i);
        Double value = number(tok, tagged);
        if (value == null) return false;
        // skip what is a reference, a date or a list marker rather than a count
        String prevLower = i > 0 ? t.get(i - 1).lower() : "";
        String nextLower = i + 1 < t.size() ? t.get(i + 1).lower() : "";
        if (REFERENCE_WORDS.contains(prevLower)) return false;
        if (MONTHS.contains(prevLower) || MONTHS.contains(nextLower)) return false;
        if (i + 1 < t.size() && number(t.get(i + 1)) != null) return false;
        if (i > 0 && (prevLower.equals("out") || (prevLower.equals("of") && i > 1 && t.get(i - 2).lower().equals("out")))
                && i > 2 && number(t.get(i - 3)) != null) {
            return false; // the "14" of "8 out of 14": part of the fact at "8"
        }
        if (tok.text().contains(".") && !nextLower.equals("per") && !nextLower.equals("%")) return false;
        if (value >= 1900 && value <= 2100 && tok.text().length() == 4) return false; // a year
        return !(i == 0 && (nextLower.equals(".") || nextLower.equals(")")));
    }

    private static Fact at(String text, Nlp.Sentence s, List<Nlp.Token> t, int i) {
        if (!passesUntaggedChecks(t, i, true)) return null;
        Nlp.Token tok = t.get(i);
        double value = number(tok);

        int first = i, last = i; // token range of the phrase
        String unit = null, counted = null, measure = null, qualifier = null;
        Double total = null;
        int j = i + 1;
        var hu = HYPHEN_UNIT.matcher(tok.lower());
        boolean hyphenUnit = false; // "12-week": the unit is an adjective to what follows
        if (hu.matches()) {
            unit = singular(hu.group(2));
            hyphenUnit = true;
        } else if (j + 1 < t.size() && t.get(j).lower().equals("per") && t.get(j + 1).lower().startsWith("cent")) {
            unit = "percent";
            j += 2;
            last = j - 1;
        } else if (j < t.size() && (t.get(j).text().equals("%") || t.get(j).lower().equals("percent"))) {
            unit = "percent";
            j += 1;
            last = j - 1;
        } else if (j + 2 < t.size() && t.get(j).lower().equals("out") && t.get(j + 1).lower().equals("of")
                && number(t.get(j + 2)) != null) {
            total = number(t.get(j + 2));
            j += 3;
            last = j - 1;
        } else if (j + 1 < t.size() && t.get(j).text().equals("-") && TIME_UNITS.contains(t.get(j + 1).lemma())) {
            unit = t.get(j + 1).lemma();
            hyphenUnit = true;
            j += 2;
            last = j - 1;
        }
        if ("percent".equals(unit) && j < t.size() && t.get(j).lower().equals("of")) {
            int end = chunkEnd(t, j + 1);
            if (end > j + 1) {
                counted = text(text, t, j + 1, end);
                last = end - 1;
            }
        } else if ("percent".equals(unit)) {
            int end = chunkEnd(t, j); // "a 20 per cent shortfall in ..."
            if (end > j) {
                counted = text(text, t, j, end);
                measure = headLemma(t, j, end);
                last = end - 1;
            }
        } else if (!"percent".equals(unit)) {
            int end = chunkEnd(t, j);
            if (end > j) {
                counted = text(text, t, j, end);
                if (unit == null) unit = headLemma(t, j, end);
                last = end - 1;
            }
        }
        if (unit == null && counted == null && total == null) return null;
        if (unit != null && TIME_UNITS.contains(unit) && counted == null && last == i && !hyphenUnit) return null;

        // left context: qualifier ("up to a", "over") and the measured noun ("a backlog of")
        int k = i - 1;
        if (k >= 0 && t.get(k).pos().equals("DET")) k--;
        for (int span = 3; span >= 1; span--) {
            if (k - span + 1 < 0) continue;
            String q = words(t, k - span + 1, k + 1);
            if (QUALIFIERS.contains(q)) {
                qualifier = q;
                k -= span;
                break;
            }
        }
        if (k >= 0 && t.get(k).pos().equals("DET")) k--;
        if (k >= 1 && t.get(k).lower().equals("of") && isNoun(t.get(k - 1))) {
            int m = k - 1;
            int startChunk = m;
            while (startChunk - 1 >= 0 && (isNoun(t.get(startChunk - 1)) || t.get(startChunk - 1).pos().equals("ADJ"))) startChunk--;
            measure = text(text, t, startChunk, m + 1);
            first = startChunk;
            if (first - 1 >= 0 && t.get(first - 1).pos().equals("DET")) first--;
        } else {
            first = Math.min(first, k + 1);
            if (hyphenUnit && counted != null) {
                measure = counted; // "a 12-week delay": the delay is what is measured
            } else if (measure == null && ("percent".equals(unit) || total != null)) {
                measure = clauseBefore(text, t, k);
            }
        }
        if (qualifier == null) first = Math.min(first, i);
        int cs = t.get(first).start(), ce = t.get(last).end();
        return new Fact(value, tok.text(), qualifier, unit, total, counted, measure, text.substring(cs, ce), s.text(),
                cs, ce);
    }

    /** The clause before a percentage ("domestic abuse enquiries were made" in "... made in 80 per cent"). */
    private static String clauseBefore(String text, List<Nlp.Token> t, int k) {
        int end = k;
        while (end >= 0 && (t.get(end).pos().equals("ADP") || t.get(end).pos().equals("DET")
                || t.get(end).pos().equals("PUNCT"))) end--;
        if (end < 0) return null;
        int start = end;
        while (start - 1 >= 0 && end - start < 11) {
            Nlp.Token p = t.get(start - 1);
            if (p.pos().equals("PUNCT") || p.pos().equals("SCONJ") || p.lower().equals("and") || p.lower().equals("but")) break;
            start--;
        }
        return text(text, t, start, end + 1);
    }

    /** End (exclusive) of a noun chunk starting at {@code j}: (DET)? (ADJ|NUM|NOUN|PROPN)* NOUN ("of" chunk)? */
    private static int chunkEnd(List<Nlp.Token> t, int j) {
        int k = j;
        if (k < t.size() && t.get(k).pos().equals("DET")) k++;
        int lastNoun = -1;
        while (k < t.size()) {
            Nlp.Token x = t.get(k);
            if (isNoun(x)) lastNoun = k;
            else if (k + 2 < t.size() && t.get(k + 1).text().equals("-") && !x.pos().equals("PUNCT")) {
                k += 3; // a hyphenated compound inside the chunk ("domestic abuse follow-up enquiries")
                continue;
            } else if (lastNoun >= 0 && !x.text().equals("-")) break;
            else if (!(x.pos().equals("ADJ") || (x.pos().equals("VERB") && x.lower().endsWith("ed") && k + 1 < t.size()
                    && isNoun(t.get(k + 1))) || x.text().equals("-"))) break;
            k++;
        }
        if (lastNoun < 0) return j;
        int end = lastNoun + 1;
        if (end + 1 < t.size() && t.get(end).lower().equals("of") && !t.get(end + 1).pos().equals("NUM")) {
            int more = chunkEnd(t, end + 1);
            if (more > end + 1) end = more;
        }
        // a trailing verb the tagger mislabels ("police information requests" → requests/VERB)
        if (end < t.size() && t.get(end).pos().equals("VERB") && t.get(end).lower().endsWith("s")
                && end + 1 < t.size() && (t.get(end + 1).pos().equals("PUNCT") || t.get(end + 1).pos().equals("ADP"))) {
            end++;
        }
        return end;
    }

    private static boolean isNoun(Nlp.Token x) {
        return x.pos().equals("NOUN") || x.pos().equals("PROPN");
    }

    private static String headLemma(List<Nlp.Token> t, int j, int end) {
        // head noun of the first noun group: the last noun before "of" (or the end)
        int head = -1;
        for (int k = j; k < end; k++) {
            if (t.get(k).lower().equals("of")) break;
            if (isNoun(t.get(k))) head = k;
        }
        return head < 0 ? null : t.get(head).lemma();
    }

    private static String singular(String w) {
        return w.endsWith("s") && w.length() > 3 ? w.substring(0, w.length() - 1) : w;
    }

    private static String words(List<Nlp.Token> t, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < to; k++) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(t.get(k).lower());
        }
        return sb.toString();
    }

    private static String text(String text, List<Nlp.Token> t, int from, int to) {
        return text.substring(t.get(from).start(), t.get(to - 1).end());
    }
}
