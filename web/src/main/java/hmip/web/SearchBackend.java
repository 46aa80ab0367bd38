package hmip.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The web interface's one seam over the search module: the pages and the JSON API speak these records,
 * and {@link PassageSearchBackend} maps them onto {@code PassageSearcher.search(SearchRequest)} (filters,
 * facet counts, lexical/semantic/hybrid ranking). Tests or another engine can implement it instead.
 */
public interface SearchBackend extends AutoCloseable {
    /** Facets offered on the search page and in the API, in display order. */
    List<String> FACETS = List.of("region", "year", "theme", "addressee", "doc_type", "framework", "kind", "provider");

    /** Ranking modes a client may ask for; a backend reports the one it actually used. */
    List<String> MODES = List.of("lexical", "semantic", "hybrid");

    /** The mode used when the client names none (as on the command line). */
    String DEFAULT_MODE = "hybrid";

    /**
     * What the client asked: the query text (null = no words: list what the filters select), optional
     * filters (null = any), the page wanted and the ranking mode (null = {@link #DEFAULT_MODE}).
     */
    record Request(String query, Filters filters, int limit, int offset, String mode) {}

    /**
     * Filters, each null for "any". {@code theme} is a theme id of the taxonomy, {@code addressee} an addressee
     * level (PDU, region, HMPPS ...).
     */
    record Filters(String region, Integer year, String theme, String addressee, String docType, String framework,
                   String kind, String provider) {
        public static final Filters NONE = new Filters(null, null, null, null, null, null, null, null);

        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean isEmpty() { return equals(NONE); }
    }

    /** One ranked passage, with the document facts needed to show and link it. */
    record Hit(String passageId, String docId, String title, String docType, String framework, String region,
               String year, String provider, String kind, String addressee, List<String> themes, int page, float score,
               String text, String highlight) {}

    /** A facet value and how many matching passages have it; {@code label} is a display name where one exists (themes). */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record FacetValue(String value, long count, String label) {
        /** What to show: the label when there is one, else the value. */
        public String display() { return label != null ? label : value; }
    }

    /**
     * One page of results. {@code total} counts every passage the search matched (in semantic and hybrid
     * modes, the semantic candidates too); facets map a facet name to its values over the same set,
     * largest first; {@code mode} is the ranking actually used and {@code notes} say why it differs from
     * the one asked for, among other things.
     */
    record Result(String query, long total, int offset, int limit, List<Hit> hits,
                  Map<String, List<FacetValue>> facets, String mode, List<String> notes, double millis) {}

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
