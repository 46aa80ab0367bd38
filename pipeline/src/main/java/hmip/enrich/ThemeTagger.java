package hmip.enrich;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Assigns themes to text by matching the taxonomy's terms on OpenNLP tokens and lemmas. A term word
 * with two or more capitals (DA, ViSOR, PQiP) matches the printed word only (optionally with a plural
 * 's'); other words match on lemma or lower-case form. Phrases, abbreviations and '+'-marked words weigh
 * 2, other single words 1; a theme is assigned when its weight in the text reaches {@link #THRESHOLD}.
 * At any position the longest term of a theme wins, so "domestic abuse checks" counts once.
 */
public final class ThemeTagger {
    public static final int THRESHOLD = 2;

    /** Where a term matched: the term as written, the words as printed and their span in the text. */
    public record Evidence(String term, String text, int start, int end) {}

    /** A theme assigned to a text, with its weight and the matches that evidence it. */
    public record ThemeMatch(String theme, int score, List<Evidence> evidence) {
        /** The distinct matched words, lower-cased, in order of appearance ("domestic abuse; DA checks"). */
        public String evidenceText() {
            return String.join("; ", evidence.stream().map(e -> e.text()).distinct().toList());
        }
    }

    private record TermWord(String surface, String lower, String lemma, boolean caseSensitive) {}

    private record Term(String theme, String written, List<TermWord> words, int weight) {}

    private final Taxonomy taxonomy;
    /** First-word key (lower-case form or lemma) to the terms starting with it. */
    private final Map<String, List<Term>> byFirst = new HashMap<>();

    public ThemeTagger(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        for (Taxonomy.Theme t : taxonomy.themes()) {
            for (String raw : t.terms()) add(t.id(), raw, false);
            for (String raw : t.abbreviations()) add(t.id(), raw, true);
        }
    }

    private static volatile ThemeTagger standard;

    public static ThemeTagger standard() {
        ThemeTagger t = standard;
        if (t == null) {
            t = new ThemeTagger(Taxonomy.standard());
            standard = t;
        }
        return t;
    }

    public Taxonomy taxonomy() { return taxonomy; }

    private void add(String theme, String raw, boolean abbreviation) {
        boolean strong = abbreviation || raw.startsWith("+");
        String written = raw.startsWith("+") ? raw.substring(1) : raw;
        List<Nlp.Token> toks = Nlp.tokens(written);
        if (toks.isEmpty()) return;
        List<TermWord> words = new ArrayList<>();
        boolean anyCaseSensitive = false;
        for (Nlp.Token tok : toks) {
            boolean cs = capitals(tok.text()) >= 2;
            anyCaseSensitive |= cs;
            words.add(new TermWord(tok.text(), tok.lower(), tok.lemma(), cs));
        }
        int weight = strong || words.size() > 1 || anyCaseSensitive ? 2 : 1;
        Term term = new Term(theme, written, words, weight);
        TermWord first = words.get(0);
        byFirst.computeIfAbsent(first.lower(), k -> new ArrayList<>()).add(term);
    }

    private static int capitals(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (Character.isUpperCase(s.charAt(i))) n++;
        return n;
    }

    private static boolean matches(TermWord w, Nlp.Token t) {
        if (w.caseSensitive()) {
            String s = t.text();
            return s.equals(w.surface()) || s.equals(w.surface() + "s") || s.equals(w.surface() + "'s");
        }
        String lower = t.lower();
        // terms are written in their base form: the printed word or its lemma must equal it (comparing
        // lemmas both ways would let "staffing" match "staff")
        return lower.equals(w.lower()) || t.lemma().equals(w.lower());
    }

    /** Themes of a text, strongest first. */
    public List<ThemeMatch> tag(String text) {
        return tag(text, Nlp.analyse(text));
    }

    /** Themes of an already analysed text (offsets in the sentences index into {@code text}). */
    public List<ThemeMatch> tag(String text, List<Nlp.Sentence> sentences) {
        Map<String, List<Evidence>> evidence = new LinkedHashMap<>();
        Map<String, Integer> score = new HashMap<>();
        for (Nlp.Sentence s : sentences) {
            List<Nlp.Token> toks = s.tokens();
            // per theme, the end (exclusive token index) of its last counted match, so overlaps count once
            Map<String, Integer> coveredUntil = new HashMap<>();
            for (int i = 0; i < toks.size(); i++) {
                Nlp.Token t = toks.get(i);
                Map<String, Term> best = new LinkedHashMap<>();
                for (String key : keys(t)) {
                    for (Term term : byFirst.getOrDefault(key, List.of())) {
                        if (!matchesAt(term, toks, i)) continue;
                        Term prev = best.get(term.theme());
                        if (prev == null || term.words().size() > prev.words().size()
                                || (term.words().size() == prev.words().size() && term.weight() > prev.weight())) {
                            best.put(term.theme(), term);
                        }
                    }
                }
                for (Term term : best.values()) {
                    int end = i + term.words().size();
                    if (coveredUntil.getOrDefault(term.theme(), -1) >= end) continue;
                    coveredUntil.put(term.theme(), end);
                    int cs = toks.get(i).start(), ce = toks.get(end - 1).end();
                    evidence.computeIfAbsent(term.theme(), k -> new ArrayList<>())
                            .add(new Evidence(term.written(), text.substring(cs, ce), cs, ce));
                    score.merge(term.theme(), term.weight(), Integer::sum);
                }
            }
        }
        List<ThemeMatch> out = new ArrayList<>();
        for (var e : evidence.entrySet()) {
            int sc = score.get(e.getKey());
            if (sc >= THRESHOLD) out.add(new ThemeMatch(e.getKey(), sc, List.copyOf(e.getValue())));
        }
        out.sort(Comparator.comparingInt(ThemeMatch::score).reversed());
        return out;
    }

    private static List<String> keys(Nlp.Token t) {
        String lower = t.lower();
        return lower.equals(t.lemma()) ? List.of(lower) : List.of(lower, t.lemma());
    }

    private static boolean matchesAt(Term term, List<Nlp.Token> toks, int i) {
        if (i + term.words().size() > toks.size()) return false;
        for (int k = 0; k < term.words().size(); k++) {
            if (!matches(term.words().get(k), toks.get(i + k))) return false;
        }
        return true;
    }

    static String lower(String s) { return s.toLowerCase(Locale.ROOT); }
}
