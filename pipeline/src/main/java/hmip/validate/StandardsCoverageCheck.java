package hmip.validate;

import hmip.model.CheckFinding;
import hmip.model.Extraction;
import hmip.model.Provider;
import hmip.model.Severity;
import hmip.model.StandardRating;
import hmip.reference.Reference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Each provider's table against its framework. Ids: {@code standard-missing} (a rated standard of the framework
 * not printed; info and explained when the printed score's maximum shows it was not rated, warning otherwise),
 * {@code standard-rated-twice} (error: one standard printed with different ratings), {@code standard-unknown}
 * (warning: a code the framework does not have), {@code rating-unknown} (warning: a value that is not a rating).
 */
public final class StandardsCoverageCheck implements Check {
    private final Reference ref;

    public StandardsCoverageCheck(Reference ref) { this.ref = ref; }

    @Override public String name() { return "standards"; }

    @Override
    public List<CheckFinding> run(DocumentInput input) {
        Extraction ex = input.extraction();
        List<CheckFinding> out = new ArrayList<>();
        List<Reference.Standard> framework = ref.standards(ex.framework());
        if (framework.isEmpty()) return out;
        for (Provider p : ex.providers()) {
            if (p.ratings().isEmpty()) continue;
            Map<String, List<StandardRating>> by = ProviderTables.byStandard(p);
            int ratedPrinted = 0;
            for (Map.Entry<String, List<StandardRating>> e : by.entrySet()) {
                Optional<Reference.Standard> std = ref.standard(ex.framework(), e.getKey());
                StandardRating first = e.getValue().get(0);
                if (std.isEmpty()) {
                    out.add(CheckFinding.of("standard-unknown", Severity.WARNING, ex.docId()).at(first.provenance())
                            .provider(p.name()).standard(e.getKey()).value("rating", first.rating())
                            .value("framework", ex.framework())
                            .message("standard " + e.getKey() + " is not a standard of " + ex.framework()));
                }
                Set<String> values = new LinkedHashSet<>();
                for (StandardRating r : e.getValue()) {
                    Optional<String> w = ref.normaliseRating(r.rating());
                    if (w.isEmpty()) {
                        out.add(CheckFinding.of("rating-unknown", Severity.WARNING, ex.docId()).at(r.provenance())
                                .provider(p.name()).standard(e.getKey()).value("printed", r.rating())
                                .message(e.getKey() + " prints '" + r.rating() + "', which is not a rating"));
                    }
                    values.add(w.orElse(r.rating()));
                }
                if (values.size() > 1) {
                    out.add(CheckFinding.of("standard-rated-twice", Severity.ERROR, ex.docId()).at(e.getValue().get(1).provenance())
                            .provider(p.name()).standard(e.getKey()).value("ratings", List.copyOf(values))
                            .message(e.getKey() + " is rated twice with different values: " + String.join(" / ", values)));
                }
                if (std.map(Reference.Standard::rated).orElse(false)
                        && ref.points(values.iterator().next()).isPresent()) ratedPrinted++;
            }
            boolean scoreAccounts = p.score() != null && p.score().max() == 3 * ratedPrinted;
            for (Reference.Standard s : framework) {
                if (!s.rated() || by.containsKey(s.code())) continue;
                CheckFinding.Builder b = CheckFinding.of("standard-missing",
                                scoreAccounts ? Severity.INFO : Severity.WARNING, ex.docId())
                        .at(p.provenance()).provider(p.name()).standard(s.code()).explained(scoreAccounts)
                        .value("standard_name", s.name()).value("framework", ex.framework());
                if (p.score() != null) b.value("printed_score", p.score().points() + "/" + p.score().max());
                out.add(b.message(scoreAccounts
                        ? s.code() + " " + s.name() + " is not printed; the score out of " + p.score().max()
                                + " shows it was not rated"
                        : s.code() + " " + s.name() + " of " + ex.framework() + " is not printed in the ratings"));
            }
        }
        return out;
    }
}
