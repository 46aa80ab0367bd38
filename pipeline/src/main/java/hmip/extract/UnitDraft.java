package hmip.extract;

import hmip.model.Provenance;
import hmip.model.Provider;
import hmip.model.Score;
import hmip.model.StandardRating;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An inspected unit while the ratings reader assembles it from a ratings table, a ratings panel and body
 * headings. Private to {@link RatingsReader}: other readers see only the finished {@link Provider}.
 */
final class UnitDraft {
    String name;
    String fieldworkStarted;
    Score score;
    String overallRating;
    Provenance overallProvenance;
    /** What the overall-rating cell printed when it was not a rating word (e.g. the placeholder "Rating"). */
    String overallPrinted;
    final Map<String, StandardRating> ratings = new LinkedHashMap<>();
    Provenance provenance;

    boolean hasRatings() { return !ratings.isEmpty(); }

    boolean isEmpty() {
        return name == null && fieldworkStarted == null && score == null && overallRating == null
                && overallPrinted == null && ratings.isEmpty();
    }

    Provider toProvider(String type) {
        List<StandardRating> sorted = new ArrayList<>(ratings.values());
        sorted.sort(Comparator.comparing(StandardRating::standard));
        return new Provider(name, type, fieldworkStarted, score, overallRating, sorted, provenance);
    }
}
