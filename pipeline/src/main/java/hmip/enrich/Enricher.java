package hmip.enrich;

import java.util.List;

/** Runs sentence analysis once per text and derives its themes and quantitative facts. */
public final class Enricher {
    /** The themes of a text and the facts in it, each fact with the themes of its own sentence. */
    public record Result(List<ThemeTagger.ThemeMatch> themes, List<FactWithThemes> facts) {}

    /** A fact and the themes of the sentence it sits in (or of the whole text when the sentence has none). */
    public record FactWithThemes(QuantFacts.Fact fact, List<String> themes) {}

    private final ThemeTagger tagger;

    public Enricher(ThemeTagger tagger) { this.tagger = tagger; }

    public static Enricher standard() { return new Enricher(ThemeTagger.standard()); }

    public ThemeTagger tagger() { return tagger; }

    public Result enrich(String text) {
        List<Nlp.Sentence> sentences = Nlp.analyse(text);
        List<ThemeTagger.ThemeMatch> themes = tagger.tag(text, sentences);
        List<String> textThemes = themes.stream().map(ThemeTagger.ThemeMatch::theme).toList();
        List<FactWithThemes> facts = new java.util.ArrayList<>();
        for (Nlp.Sentence s : sentences) {
            List<QuantFacts.Fact> fs = QuantFacts.find(text, List.of(s));
            if (fs.isEmpty()) continue;
            List<String> st = tagger.tag(text, List.of(s)).stream().map(ThemeTagger.ThemeMatch::theme).toList();
            for (QuantFacts.Fact f : fs) facts.add(new FactWithThemes(f, st.isEmpty() ? textThemes : st));
        }
        return new Result(themes, facts);
    }
}
