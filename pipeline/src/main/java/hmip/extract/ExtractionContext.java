package hmip.extract;

import hmip.model.Provider;
import hmip.reference.Reference;
import java.util.List;
import java.util.Set;

/**
 * Everything a {@link Reader} may look at: the document's rows (tables already read into rows of cells),
 * the reference vocabulary, and what earlier readers decided: the document's facts and the inspected
 * units with their ratings. Immutable; {@link InspectionExtractor} hands each reader a context holding the
 * results of the readers before it.
 */
record ExtractionContext(DocumentText text, Reference reference, DocumentFacts facts, List<Provider> providers,
                         Set<Integer> ratingsRows, boolean multiUnit) {
    ExtractionContext {
        providers = providers == null ? List.of() : List.copyOf(providers);
        ratingsRows = ratingsRows == null ? Set.of() : Set.copyOf(ratingsRows);
    }

    static ExtractionContext of(DocumentText text, Reference reference) {
        return new ExtractionContext(text, reference, null, List.of(), Set.of(), false);
    }

    ExtractionContext withFacts(DocumentFacts f) {
        return new ExtractionContext(text, reference, f, providers, ratingsRows, multiUnit);
    }

    ExtractionContext withRatings(RatingsReader.Ratings r) {
        return new ExtractionContext(text, reference, facts, r.providers(), r.tableRows(), r.multiUnit());
    }

    String docId() { return text.docId(); }

    Reference.Framework framework() { return facts == null ? null : facts.framework(); }

    /** The one inspected unit of a single-unit report, or null for a letter or a multi-unit document. */
    String singleProvider() {
        return !multiUnit && providers.size() == 1 ? providers.get(0).name() : null;
    }
}
