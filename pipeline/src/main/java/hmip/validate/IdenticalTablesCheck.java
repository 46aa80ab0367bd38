package hmip.validate;

import hmip.model.CheckFinding;
import hmip.model.Extraction;
import hmip.model.Provider;
import hmip.model.Resolution;
import hmip.model.Severity;
import hmip.model.StandardRating;
import hmip.reference.Gazetteer;
import hmip.reference.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Two different units in one document with identical ratings tables (every standard, the score and the overall
 * rating) — a likely copy error in the source. Id {@code identical-tables} (warning). Tables with fewer than
 * {@value #MIN_RATED} ratings are too small to tell a copy from chance.
 */
public final class IdenticalTablesCheck implements Check {
    static final int MIN_RATED = 6;
    private final Reference ref;

    public IdenticalTablesCheck(Reference ref) { this.ref = ref; }

    @Override public String name() { return "identical-tables"; }

    @Override
    public List<CheckFinding> run(DocumentInput input) {
        Extraction ex = input.extraction();
        List<CheckFinding> out = new ArrayList<>();
        List<Provider> ps = ex.providers();
        for (int i = 0; i < ps.size(); i++) {
            for (int j = i + 1; j < ps.size(); j++) {
                Provider a = ps.get(i), b = ps.get(j);
                Map<String, String> ta = table(a), tb = table(b);
                if (ta.size() < MIN_RATED || !ta.equals(tb)) continue;
                if (!Objects.equals(score(a), score(b))) continue;
                if (!Objects.equals(ref.normaliseRating(a.overallRating()), ref.normaliseRating(b.overallRating()))) continue;
                Resolution ra = ref.gazetteer().resolve(a.name(), Gazetteer.kindOfProviderType(a.type()));
                Resolution rb = ref.gazetteer().resolve(b.name(), Gazetteer.kindOfProviderType(b.type()));
                if (ra.sameUnit(rb)) continue; // one unit printed twice is not a copy between units
                out.add(CheckFinding.of("identical-tables", Severity.WARNING, ex.docId()).at(b.provenance())
                        .provider(b.name()).value("providers", List.of(a.name(), b.name())).value("ratings", ta)
                        .value("score", score(a)).value("fieldwork_started", List.of(String.valueOf(a.fieldworkStarted()),
                                String.valueOf(b.fieldworkStarted())))
                        .message(a.name() + " and " + b.name() + " have identical ratings tables (" + ta.size()
                                + " standards" + (score(a) == null ? "" : ", score " + score(a))
                                + "): a likely copy error in the source"));
            }
        }
        return out;
    }

    private Map<String, String> table(Provider p) {
        Map<String, String> t = new TreeMap<>();
        for (StandardRating r : p.ratings()) t.putIfAbsent(r.standard(), ref.normaliseRating(r.rating()).orElse(r.rating()));
        return t;
    }

    private static String score(Provider p) {
        return p.score() == null ? null : p.score().points() + "/" + p.score().max();
    }
}
