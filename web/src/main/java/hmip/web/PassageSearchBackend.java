package hmip.web;

import hmip.model.Passage;
import hmip.search.PassageSearcher;
import hmip.search.QuerySyntaxException;
import hmip.search.SearchHit;
import hmip.search.SearchRequest;
import hmip.search.SearchResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SearchBackend} over {@link PassageSearcher#search(SearchRequest)}: every filter, the ranking mode
 * and the page become one {@link SearchRequest}; the search module filters, ranks, counts facets and says
 * which mode it used (lexical when the index has no vectors yet, with a note). Paging asks for
 * {@code offset + limit} hits and drops the first {@code offset}.
 */
public final class PassageSearchBackend implements SearchBackend {
    private static final Logger LOG = LoggerFactory.getLogger(PassageSearchBackend.class);

    /** The search module's facet dimensions, by the web facet name they are shown as. */
    static final Map<String, String> DIMENSIONS = Map.of("region", "region", "year", "year", "theme", "theme",
            "addressee", "addressee_level", "doc_type", "doc_type", "framework", "framework", "kind", "kind",
            "provider", "provider");

    private final PassageSearcher searcher;
    private final Map<String, String> themeLabels;

    /**
     * @param index the passage index folder
     * @param themeLabels theme id → label, shown beside theme facet values
     */
    public PassageSearchBackend(Path index, Map<String, String> themeLabels) throws IOException {
        this(new PassageSearcher(index), themeLabels);
    }

    PassageSearchBackend(PassageSearcher searcher, Map<String, String> themeLabels) {
        this.searcher = searcher;
        this.themeLabels = Map.copyOf(themeLabels);
    }

    /** The search module's request for a web request (all of it: filters, mode, enough hits for the page). */
    static SearchRequest toSearchRequest(Request req) {
        Filters f = req.filters() == null ? Filters.NONE : req.filters();
        String mode = req.mode() == null ? DEFAULT_MODE : req.mode();
        // without words there is nothing to rank by meaning: the searcher lists the filtered passages
        if (req.query() == null || req.query().isBlank()) mode = "lexical";
        return SearchRequest.of(req.query())
                .withMode(SearchRequest.Mode.parse(mode))
                .withLimit(req.offset() + req.limit())
                .withRegion(f.region())
                .withYear(f.year() == null ? null : String.valueOf(f.year()))
                .withTheme(f.theme())
                .withAddresseeLevel(f.addressee())
                .withDocType(f.docType())
                .withFramework(f.framework())
                .withKind(f.kind())
                .withProvider(f.provider());
    }

    @Override
    public Result search(Request req) throws QueryException, IOException {
        boolean browse = req.query() == null || req.query().isBlank();
        if (browse && (req.filters() == null || req.filters().isEmpty())) {
            throw new QueryException("give words to search for, or at least one filter");
        }
        SearchRequest sr = toSearchRequest(req);
        List<String> notes = new ArrayList<>();
        SearchResult res;
        try {
            res = searcher.search(sr);
        } catch (QuerySyntaxException e) {
            throw new QueryException(e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            // the embedding model failed to load or run: the words can still be searched
            if (sr.mode() == SearchRequest.Mode.LEXICAL || browse) throw e;
            LOG.warn("{} search failed; falling back to lexical", sr.mode(), e);
            notes.add(lower(sr.mode()) + " search is unavailable on this server (the embedding model failed): "
                    + "lexical search used");
            try {
                res = searcher.search(sr.withMode(SearchRequest.Mode.LEXICAL));
            } catch (QuerySyntaxException e2) {
                throw new QueryException(e2.getMessage());
            }
        }
        notes.addAll(res.notes());
        if (browse) {
            notes.add("no words given: every passage the filters select, recommendations and findings first");
        }
        List<Hit> hits = new ArrayList<>();
        List<SearchHit> ranked = res.hits();
        for (int i = req.offset(); i < ranked.size() && hits.size() < req.limit(); i++) hits.add(toHit(ranked.get(i)));
        return new Result(browse ? null : req.query(), res.totalMatches(), req.offset(), req.limit(), List.copyOf(hits),
                facets(res.facets()), lower(res.mode()), List.copyOf(notes), res.millis());
    }

    /** The module's facet counts under the web's facet names, in {@link #FACETS} order, largest first. */
    private Map<String, List<FacetValue>> facets(Map<String, Map<String, Integer>> dims) {
        Map<String, List<FacetValue>> out = new LinkedHashMap<>();
        for (String facet : FACETS) {
            Map<String, Integer> counts = dims.getOrDefault(DIMENSIONS.get(facet), Map.of());
            List<FacetValue> values = new ArrayList<>(counts.size());
            counts.forEach((value, n) -> values.add(new FacetValue(value, n,
                    facet.equals("theme") ? themeLabels.get(value) : null)));
            values.sort((a, b) -> Long.compare(b.count(), a.count()));
            out.put(facet, List.copyOf(values));
        }
        return out;
    }

    private static Hit toHit(SearchHit h) {
        Passage p = h.passage();
        return new Hit(p.id(), p.docId(), p.title(), p.docType(), p.framework(), p.region(), p.year(), p.provider(),
                p.kind(), p.addresseeLevel(), p.themes(), p.page(), h.score(), p.text(), h.highlight());
    }

    private static String lower(SearchRequest.Mode m) {
        return m.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() throws IOException {
        searcher.close();
    }
}
