package hmip.search;

import java.util.List;
import java.util.Map;

/**
 * Ranked hits, facet counts over everything the query matched (dimension → value → count, largest
 * first), the mode actually used and any notes (for example "no vectors yet: lexical only").
 */
public record SearchResult(List<SearchHit> hits, long totalMatches, Map<String, Map<String, Integer>> facets,
                           SearchRequest.Mode mode, List<String> notes, double millis) {}
