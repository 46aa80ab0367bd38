package hmip.validate;

import hmip.model.Provider;
import hmip.model.Resolution;
import hmip.model.StandardRating;
import hmip.reference.Gazetteer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small helpers over a provider's printed ratings table. */
final class ProviderTables {
    private ProviderTables() {}

    /** Ratings by standard code, in print order; a code printed twice keeps every printing. */
    static Map<String, List<StandardRating>> byStandard(Provider p) {
        Map<String, List<StandardRating>> m = new LinkedHashMap<>();
        for (StandardRating r : p.ratings()) m.computeIfAbsent(r.standard(), k -> new ArrayList<>()).add(r);
        return m;
    }

    /** The first printed rating of a standard. */
    static Optional<StandardRating> rating(Provider p, String code) {
        return p.ratings().stream().filter(r -> r.standard().equals(code)).findFirst();
    }

    /** The document's provider a name refers to: same gazetteer unit, or the same normalised key. */
    static Optional<Provider> match(List<Provider> providers, String name, Gazetteer g) {
        Resolution r = g.resolve(name, null);
        String key = Gazetteer.key(name).key();
        for (Provider p : providers) {
            Resolution pr = g.resolve(p.name(), Gazetteer.kindOfProviderType(p.type()));
            if (pr.resolved() && r.resolved() && pr.canonicalName().equals(r.canonicalName())) return Optional.of(p);
            if (pr.resolved() && !r.resolved()) {
                Resolution typed = g.resolve(name, pr.kind());
                if (typed.sameUnit(pr)) return Optional.of(p);
            }
            if (Gazetteer.key(p.name()).key().equals(key)) return Optional.of(p);
        }
        return Optional.empty();
    }
}
