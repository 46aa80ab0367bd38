package hmip.enrich;

import java.util.List;

/**
 * Runs sentence analysis once per text and derives its themes and quantitative facts. Themes need only
 * the sentences' words; {@link QuantFacts} tokenizes and tags the few sentences that may hold a fact.
 */
public final class Enricher {
    /** The themes of a text and the facts in it, each fact with the themes of its own sentence. */
    public record Result(List<ThemeTagger.ThemeMatch> themes, List<FactWithThemes> facts) {}

    /** A fact and its themes: those of its sentence first, then those of the whole text. */
    public record FactWithThemes(QuantFacts.Fact fact, List<String> themes) {}

    private final ThemeTagger tagger;

    public Enricher(ThemeTagger tagger) { this.tagger = tagger; }

    public static Enricher standard() { return new Enricher(ThemeTagger.standard()); }

    public ThemeTagger tagger() { return tagger; }

    public Result enrich(String text) {
        List<Nlp.Sentence> sentences = Nlp.sentences(text);
        List<ThemeTagger.ThemeMatch> themes = tagger.tag(text, sentences);
        List<String> textThemes = themes.stream().map(ThemeTagger.ThemeMatch::theme).toList();
        List<FactWithThemes> facts = new java.util.ArrayList<>();
        for (Nlp.Sentence s : sentences) {
            List<QuantFacts.Fact> fs = QuantFacts.find(text, List.of(s));
            if (fs.isEmpty()) continue;
            // the sentence's own themes first, then the passage's: "a backlog of 1,350 cases of police
            // information requests" is a domestic-abuse backlog because its paragraph is about domestic abuse
            java.util.LinkedHashSet<String> st = new java.util.LinkedHashSet<>();
            tagger.tag(text, List.of(s)).forEach(m -> st.add(m.theme()));
            st.addAll(textThemes);
            for (QuantFacts.Fact f : fs) facts.add(new FactWithThemes(f, List.copyOf(st)));
        }
        return new Result(themes, facts);
    }
}
