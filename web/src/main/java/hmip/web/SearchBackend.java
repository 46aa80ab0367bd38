package hmip.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The web interface's one seam over the search module. Today {@link PassageSearchBackend} adapts
 * {@code PassageSearcher.search(query, limit)} and computes filters and facets itself. When the search
 * module's {@code SearchRequest}/{@code SearchResult} (filters, facet counts, lexical/semantic/hybrid
 * modes) is merged, a second implementation maps {@link Request} onto it — region, year, theme,
 * addressee → addresseeLevel, docType, framework, kind, provider, mode; ask for {@code offset + limit} hits and
 * drop the first {@code offset} — and maps its facet dimensions onto {@link #FACETS} (addressee_level → addressee); the pages and the
 * JSON API stay as they are. {@link WebServer#start} picks the implementation.
 */
public interface SearchBackend extends AutoCloseable {
    /** Facets offered on the search page and in the API, in display order. */
    List<String> FACETS = List.of("region", "year", "theme", "addressee", "doc_type", "framework", "kind", "provider");

    /** What the client asked: the query text, optional filters (null = any), and the page wanted. */
    record Request(String query, Filters filters, int limit, int offset, String mode) {}

    /** Ranking modes a client may ask for; a backend reports the one it actually used. */
    List<String> MODES = List.of("lexical", "semantic", "hybrid");

    record Filters(String region, Integer year, String theme, String addressee, String docType, String framework,
                   String kind, String provider) {
        public static final Filters NONE = new Filters(null, null, null, null, null, null, null, null);
    }

    /** One ranked passage, with the document facts needed to show and link it. */
    record Hit(String passageId, String docId, String title, String docType, String framework, String region,
               String year, String provider, String kind, String addressee, int page, float score, String text,
               String highlight) {}

    record FacetValue(String value, long count) {}

    /**
     * One page of results. {@code total} counts every matching passage the backend looked at
     * ({@code totalIsLowerBound} when it stopped looking); facets map a facet name to its values.
     */
    record Result(String query, long total, boolean totalIsLowerBound, int offset, int limit, List<Hit> hits,
                  Map<String, List<FacetValue>> facets, String mode, List<String> notes) {}

    /**
     * @throws QueryException when the query text cannot be parsed (a client error, shown as a 400)
     */
    Result search(Request request) throws QueryException, IOException;

    /** A query the search engine cannot run; the message says why and is safe to show. */
    final class QueryException extends Exception {
        public QueryException(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    void close() throws IOException;
}
