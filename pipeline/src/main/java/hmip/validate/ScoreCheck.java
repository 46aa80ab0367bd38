package hmip.validate;

import hmip.model.CheckFinding;
import hmip.model.Extraction;
import hmip.model.Provider;
import hmip.model.Severity;
import hmip.model.StandardRating;
import hmip.reference.Reference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recomputes a printed score from the ratings: Outstanding 3, Good 2, Requires improvement 1, Inadequate 0 over
 * the rated standards ('Not rated' and unrated standards such as 2.6 Outcomes excluded), out of 3 per rated
 * standard. Ids: {@code score-mismatch} (error), {@code score-unverifiable} (a rating word that is not one).
 */
public final class ScoreCheck implements Check {
    private final Reference ref;

    public ScoreCheck(Reference ref) { this.ref = ref; }

    @Override public String name() { return "score"; }

    @Override
    public List<CheckFinding> run(DocumentInput input) {
        Extraction ex = input.extraction();
        List<CheckFinding> out = new ArrayList<>();
        for (Provider p : ex.providers()) {
            if (p.score() == null || p.ratings().isEmpty()) continue;
            int points = 0, rated = 0;
            Map<String, Object> parts = new LinkedHashMap<>();
            List<String> unknown = new ArrayList<>();
            for (Map.Entry<String, List<StandardRating>> e : ProviderTables.byStandard(p).entrySet()) {
                StandardRating r = e.getValue().get(0);
                boolean ratedStandard = ref.standard(ex.framework(), e.getKey()).map(Reference.Standard::rated).orElse(true);
                if (!ratedStandard) continue;
                Optional<String> word = ref.normaliseRating(r.rating());
                if (word.isEmpty()) {
                    unknown.add(e.getKey() + " '" + r.rating() + "'");
                    continue;
                }
                Optional<Integer> pts = ref.points(word.get());
                if (pts.isEmpty()) continue; // Not rated
                points += pts.get();
                rated++;
                parts.put(e.getKey(), pts.get());
            }
            String printed = p.score().points() + "/" + p.score().max();
            if (!unknown.isEmpty()) {
                out.add(CheckFinding.of("score-unverifiable", Severity.WARNING, ex.docId()).at(p.score().provenance())
                        .provider(p.name()).value("printed", printed).value("not_ratings", unknown)
                        .message("printed score " + printed + " cannot be recomputed: " + String.join(", ", unknown)
                                + " is not a rating"));
                continue;
            }
            if (points != p.score().points() || 3 * rated != p.score().max()) {
                out.add(CheckFinding.of("score-mismatch", Severity.ERROR, ex.docId()).at(p.score().provenance())
                        .provider(p.name()).value("printed", printed).value("recomputed", points + "/" + (3 * rated))
                        .value("rated_standards", rated).value("points_by_standard", parts)
                        .message("printed score " + printed + " differs from " + points + "/" + (3 * rated)
                                + " recomputed from " + rated + " rated standards"));
            }
        }
        return out;
    }
}
