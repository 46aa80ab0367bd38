package hmip.enrich;

import hmip.model.Passage;
import java.util.ArrayList;
import java.util.List;

/**
 * Enriches a document's passages: themes (stored on the passage for the theme facet and filter, and as
 * warehouse rows with their evidence) and quantitative facts. A plain function of the passages; run it on
 * the worker thread that extracted the document.
 */
public final class PassageEnrichment {
    /** Passages with their themes set, and the warehouse rows describing them. */
    public record Result(List<Passage> passages, List<EnrichmentStore.PassageTheme> themes,
                         List<EnrichmentStore.PassageFact> facts) {}

    private PassageEnrichment() {}

    public static Result enrich(List<Passage> passages) {
        return enrich(passages, Enricher.standard());
    }

    public static Result enrich(List<Passage> passages, Enricher enricher) {
        List<Passage> out = new ArrayList<>(passages.size());
        List<EnrichmentStore.PassageTheme> themes = new ArrayList<>();
        List<EnrichmentStore.PassageFact> facts = new ArrayList<>();
        for (Passage p : passages) {
            Enricher.Result r = enricher.enrich(p.text());
            List<String> ids = r.themes().stream().map(ThemeTagger.ThemeMatch::theme).toList();
            out.add(p.withThemes(ids));
            for (ThemeTagger.ThemeMatch m : r.themes()) {
                var first = m.evidence().get(0);
                themes.add(new EnrichmentStore.PassageTheme(p.id(), p.docId(), p.kind(), p.provider(), p.region(),
                        m.theme(), m.score(), m.evidenceText(), first.start(), first.end(), p.page(), p.spanStart(),
                        p.spanEnd()));
            }
            int n = 0;
            for (Enricher.FactWithThemes f : r.facts()) {
                int start = Math.min(p.spanEnd(), p.spanStart() + f.fact().start());
                int end = Math.min(p.spanEnd(), p.spanStart() + f.fact().end());
                facts.add(new EnrichmentStore.PassageFact(p.id() + "~q" + (++n), p.id(), p.docId(), p.kind(),
                        p.provider(), p.region(), p.year(), f.fact(), f.themes(), p.page(), start, end));
            }
        }
        return new Result(out, themes, facts);
    }
}
