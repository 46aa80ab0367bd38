package hmip.enrich;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Assigns themes to text by matching the taxonomy's terms on OpenNLP words and lemmas. A term word
 * with two or more capitals (DA, ViSOR, PQiP) matches the printed word only (optionally with a plural
 * 's'); other words match on the lower-case form or one of its {@linkplain #forms base forms}. Phrases,
 * abbreviations and '+'-marked words weigh 2, other single words 1; a theme is assigned when its weight in the text reaches {@link #THRESHOLD}.
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

    private record TermWord(String surface, String lower, boolean caseSensitive) {}

    private record Term(String theme, String written, List<TermWord> words, int weight) {}

    private final Taxonomy taxonomy;
    /** First-word key (lower-case form or lemma) to the terms starting with it. */
    private final Map<String, List<Term>> byFirst = new HashMap<>();
    /** The first {@value #PREFIX} letters of every lower-case term word: words that may inflect one. */
    private final Set<String> termPrefixes = new HashSet<>();
    private static final int PREFIX = 4;
    /** Base forms of the words seen so far (a vocabulary: bounded by {@link Nlp#MAX_MEMOIZED_LEMMAS}). */
    private final Map<String, List<String>> forms = new ConcurrentHashMap<>();

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
        List<Nlp.Token> toks = Nlp.words(written);
        if (toks.isEmpty()) return;
        List<TermWord> words = new ArrayList<>();
        boolean anyCaseSensitive = false;
        for (Nlp.Token tok : toks) {
            boolean cs = capitals(tok.text()) >= 2;
            anyCaseSensitive |= cs;
            words.add(new TermWord(tok.text(), tok.lower(), cs));
            if (!cs) termPrefixes.add(prefix(tok.lower()));
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

    private static boolean matches(TermWord w, Nlp.Token t, List<String> forms) {
        if (w.caseSensitive()) {
            String s = t.text();
            return s.equals(w.surface()) || s.equals(w.surface() + "s") || s.equals(w.surface() + "'s");
        }
        // terms are written in their base form: the printed word or one of its base forms must equal it
        // (comparing base forms both ways would let the term "staffing" match every "staff")
        return forms.contains(w.lower());
    }

    private static String prefix(String lower) {
        return lower.length() <= PREFIX ? lower : lower.substring(0, PREFIX);
    }

    /**
     * The lower-case word and, when it shares its first letters with a term word (so may inflect one),
     * its lemmas as a noun and as a verb. Themes need no part-of-speech tagging this way, which costs
     * ten times the tokenizer: "assessments" stands for "assessment", "assessed" for "assess", and
     * "staffing" for "staff" as well as "staffing".
     */
    List<String> forms(Nlp.Token t) {
        String lower = t.lower().replace('\u2019', '\''); // a typographic apostrophe is the taxonomy's '
        if (!termPrefixes.contains(prefix(lower)) || lower.length() <= 2) return List.of(lower);
        List<String> f = forms.get(lower);
        if (f != null) return f;
        LinkedHashSet<String> all = new LinkedHashSet<>();
        all.add(lower);
        all.add(Nlp.lemma(lower, "NOUN"));
        all.add(Nlp.lemma(lower, "VERB"));
        f = List.copyOf(all);
        if (forms.size() >= Nlp.MAX_MEMOIZED_LEMMAS) forms.clear();
        forms.put(lower, f);
        return f;
    }

    /** Themes of a text, strongest first. */
    public List<ThemeMatch> tag(String text) {
        return tag(text, Nlp.sentences(text));
    }

    /** Themes of an already analysed text (offsets in the sentences index into {@code text}). */
    public List<ThemeMatch> tag(String text, List<Nlp.Sentence> sentences) {
        Map<String, List<Evidence>> evidence = new LinkedHashMap<>();
        Map<String, Integer> score = new HashMap<>();
        for (Nlp.Sentence s : sentences) {
            List<Nlp.Token> toks = s.words();
            // per theme, the end (exclusive token index) of its last counted match, so overlaps count once
            Map<String, Integer> coveredUntil = new HashMap<>();
            List<List<String>> tokenForms = new ArrayList<>(toks.size());
            for (Nlp.Token t : toks) tokenForms.add(forms(t));
            for (int i = 0; i < toks.size(); i++) {
                Map<String, Term> best = new LinkedHashMap<>();
                for (String key : tokenForms.get(i)) { // the lower-case word first: also the key of case-sensitive terms
                    for (Term term : byFirst.getOrDefault(key, List.of())) {
                        if (!matchesAt(term, toks, tokenForms, i)) continue;
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

    private static boolean matchesAt(Term term, List<Nlp.Token> toks, List<List<String>> forms, int i) {
        if (i + term.words().size() > toks.size()) return false;
        for (int k = 0; k < term.words().size(); k++) {
            if (!matches(term.words().get(k), toks.get(i + k), forms.get(i + k))) return false;
        }
        return true;
    }

    static String lower(String s) { return s.toLowerCase(Locale.ROOT); }
}
