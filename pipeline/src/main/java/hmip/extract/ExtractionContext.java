package hmip.extract;

import hmip.model.Provider;
import hmip.reference.Reference;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything a {@link Reader} may look at: the document's rows (tables already read into rows of cells),
 * the reference vocabulary, and what earlier readers decided: the document's facts and the inspected
 * units with their ratings. Immutable; {@link InspectionExtractor} hands each reader a context holding the
 * results of the readers before it.
 */
record ExtractionContext(DocumentText text, Reference reference, DocumentFacts facts, List<Provider> providers,
                         Set<Integer> ratingsRows, boolean multiUnit, NavigableMap<Integer, String> standardSections) {
    ExtractionContext {
        providers = providers == null ? List.of() : List.copyOf(providers);
        ratingsRows = ratingsRows == null ? Set.of() : Set.copyOf(ratingsRows);
        standardSections = standardSections == null ? Collections.emptyNavigableMap()
                : Collections.unmodifiableNavigableMap(new TreeMap<>(standardSections));
    }

    static ExtractionContext of(DocumentText text, Reference reference) {
        return new ExtractionContext(text, reference, null, List.of(), Set.of(), false, null);
    }

    ExtractionContext withFacts(DocumentFacts f) {
        return new ExtractionContext(text, reference, f, providers, ratingsRows, multiUnit, standardSections);
    }

    /**
     * The ratings read, and with them the body's standard sections (headings outside the ratings tables), found
     * once here for every reader that files what it reads under a standard.
     */
    ExtractionContext withRatings(RatingsReader.Ratings r) {
        TreeMap<Integer, String> sections = new TreeMap<>();
        StandardHeadings.find(text, framework(), r.tableRows()).forEach(h -> sections.put(h.row(), h.code()));
        return new ExtractionContext(text, reference, facts, r.providers(), r.tableRows(), r.multiUnit(), sections);
    }

    /** Whether a standard's section starts at this row. */
    boolean startsStandardSection(int row) { return standardSections.containsKey(row); }

    /** The code of the standard whose section this row sits in, or null before the first. */
    String standardAt(int row) {
        Map.Entry<Integer, String> e = standardSections.floorEntry(row);
        return e == null ? null : e.getValue();
    }

    String docId() { return text.docId(); }

    Reference.Framework framework() { return facts == null ? null : facts.framework(); }

    /** The one inspected unit of a single-unit report, or null for a letter or a multi-unit document. */
    String singleProvider() {
        return !multiUnit && providers.size() == 1 ? providers.get(0).name() : null;
    }
}
