package hmip.extract;

import hmip.model.Provenance;
import hmip.model.Provider;
import hmip.model.Score;
import hmip.model.StandardRating;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/** A provider being assembled from a ratings table, a ratings panel and body headings. */
final class ProviderDraft {
    String name;
    String type;
    String fieldworkStarted;
    Score score;
    String overallRating;
    /** What the overall-rating cell printed when it was not a rating word (e.g. the placeholder "Rating"). */
    String overallPrinted;
    Provenance overallProvenance;
    final Map<String, StandardRating> ratings = new LinkedHashMap<>();
    Provenance provenance;

    boolean hasRatings() { return !ratings.isEmpty(); }

    boolean isEmpty() {
        return name == null && fieldworkStarted == null && score == null && overallRating == null
                && overallPrinted == null && ratings.isEmpty();
    }

    Provider toProvider() {
        return new Provider(name, type, fieldworkStarted, score, overallRating, new ArrayList<>(ratings.values()), provenance);
    }
}
