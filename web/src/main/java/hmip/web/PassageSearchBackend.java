package hmip.web;

import hmip.search.Passage;
import hmip.search.PassageSearcher;
import hmip.search.QuerySyntaxException;
import hmip.search.SearchHit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Adapter over today's {@link PassageSearcher}, which ranks but neither filters nor counts facets: it
 * takes the best {@link #WINDOW} passages, filters and counts them here, and pages through them.
 * Addressees come from the warehouse (a recommendation's passage id is its rec_id). The theme filter
 * falls back to "the passage mentions the theme's words" until the search module classifies themes.
 */
public final class PassageSearchBackend implements SearchBackend {
    /**
     * How many ranked passages are filtered and counted per request (more when a deeper page is asked
     * for): today's searcher highlights every hit it returns, so the window is kept small.
     */
    static final int WINDOW = 200;

    private final PassageSearcher searcher;
    private final Map<String, String[]> addressees;
    private final Map<String, String> frameworks;

    /**
     * @param addressees rec_id → {addressee as printed, addressee level}
     * @param frameworks doc_id → framework
     */
    public PassageSearchBackend(Path index, Map<String, String[]> addressees, Map<String, String> frameworks)
            throws IOException {
        this.searcher = new PassageSearcher(index);
        this.addressees = Map.copyOf(addressees);
        this.frameworks = Map.copyOf(frameworks);
    }

    @Override
    public Result search(Request req) throws QueryException, IOException {
        List<SearchHit> ranked;
        int window = Math.max(WINDOW, req.offset() + req.limit());
        try {
            ranked = searcher.search(req.query(), window);
        } catch (QuerySyntaxException e) {
            throw new QueryException(e.getMessage());
        }
        List<Hit> all = new ArrayList<>(ranked.size());
        for (SearchHit h : ranked) all.add(toHit(h));
        Filters f = req.filters();
        Map<String, Predicate<Hit>> tests = new LinkedHashMap<>();
        tests.put("region", h -> f.region() == null || f.region().equalsIgnoreCase(h.region()));
        tests.put("year", h -> f.year() == null || String.valueOf(f.year()).equals(h.year()));
        tests.put("theme", h -> f.theme() == null || mentions(h.text(), f.theme()));
        tests.put("addressee", h -> f.addressee() == null || f.addressee().equalsIgnoreCase(h.addressee())
                || f.addressee().equalsIgnoreCase(addresseeName(h.passageId())));
        tests.put("doc_type", h -> f.docType() == null || f.docType().equalsIgnoreCase(h.docType()));
        tests.put("framework", h -> f.framework() == null || f.framework().equalsIgnoreCase(h.framework()));
        tests.put("kind", h -> f.kind() == null || f.kind().equalsIgnoreCase(h.kind()));
        tests.put("provider", h -> f.provider() == null || f.provider().equalsIgnoreCase(h.provider()));

        List<Hit> matching = all.stream().filter(h -> tests.values().stream().allMatch(t -> t.test(h))).toList();
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        for (String facet : FACETS) {
            if (facet.equals("theme")) {
                facets.put(facet, List.of()); // no theme classification in the index yet
                continue;
            }
            Map<String, Long> counts = new TreeMap<>();
            for (Hit h : all) {
                boolean others = tests.entrySet().stream()
                        .allMatch(e -> e.getKey().equals(facet) || e.getValue().test(h));
                String v = facetValue(facet, h);
                if (others && v != null && !v.isBlank()) counts.merge(v, 1L, Long::sum);
            }
            facets.put(facet, counts.entrySet().stream()
                    .map(e -> new FacetValue(e.getKey(), e.getValue()))
                    .sorted(Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value))
                    .toList());
        }
        int from = Math.min(req.offset(), matching.size());
        int to = Math.min(from + req.limit(), matching.size());
        List<String> notes = new ArrayList<>();
        if (req.mode() != null && !req.mode().equals("lexical")) {
            notes.add("mode '" + req.mode() + "' is not available in this build: lexical (BM25) ranking used");
        }
        if (f.theme() != null) notes.add("theme filter: passages mentioning every word of the theme");
        if (ranked.size() >= window) notes.add("filters and facets cover the best " + window + " passages");
        return new Result(req.query(), matching.size(), ranked.size() >= window, req.offset(), req.limit(),
                List.copyOf(matching.subList(from, to)), facets, "lexical", notes);
    }

    private Hit toHit(SearchHit h) {
        Passage p = h.passage();
        return new Hit(p.id(), p.docId(), p.title(), p.docType(), frameworks.get(p.docId()), p.region(), p.year(),
                p.provider(), p.kind(), addresseeLevel(p.id()), p.page(), h.score(), p.text(), h.highlight());
    }

    private String addresseeLevel(String passageId) {
        String[] a = addressees.get(passageId);
        return a == null ? null : a[1];
    }

    private String addresseeName(String passageId) {
        String[] a = addressees.get(passageId);
        return a == null ? null : a[0];
    }

    private static String facetValue(String facet, Hit h) {
        return switch (facet) {
            case "region" -> h.region();
            case "year" -> h.year();
            case "addressee" -> h.addressee();
            case "doc_type" -> h.docType();
            case "framework" -> h.framework();
            case "provider" -> h.provider();
            case "kind" -> h.kind();
            default -> null;
        };
    }

    private static boolean mentions(String text, String theme) {
        if (text == null) return false;
        String t = text.toLowerCase(Locale.ROOT);
        for (String word : theme.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && !t.contains(word)) return false;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        searcher.close();
    }
}
