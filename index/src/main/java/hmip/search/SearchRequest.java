package hmip.search;

import java.util.Locale;

/**
 * What to search for. Filters left null are not applied. {@code plain} treats the query as words
 * (syntax characters escaped), as {@code similar} needs; otherwise the classic Lucene syntax applies
 * ("phrases", "phrase"~N proximity, AND/OR/NOT, wildcards).
 */
public record SearchRequest(String query, Mode mode, int limit, String region, String year, String theme,
                            String addresseeLevel, String docType, String kind, String provider, String framework,
                            String excludeDocId, boolean facets, boolean plain) {

    /** lexical = BM25 only; semantic = dense vectors only; hybrid = both, fused by reciprocal rank. */
    public enum Mode {
        LEXICAL, SEMANTIC, HYBRID;

        public static Mode parse(String s) { return valueOf(s.trim().toUpperCase(Locale.ROOT)); }
    }

    public static SearchRequest of(String query) {
        return new SearchRequest(query, Mode.HYBRID, 10, null, null, null, null, null, null, null, null, null, true,
                false);
    }

    public SearchRequest withMode(Mode m) { return new SearchRequest(query, m, limit, region, year, theme, addresseeLevel, docType, kind, provider, framework, excludeDocId, facets, plain); }

    public SearchRequest withLimit(int n) { return new SearchRequest(query, mode, n, region, year, theme, addresseeLevel, docType, kind, provider, framework, excludeDocId, facets, plain); }

    public SearchRequest withKind(String k) { return new SearchRequest(query, mode, limit, region, year, theme, addresseeLevel, docType, k, provider, framework, excludeDocId, facets, plain); }

    public SearchRequest withTheme(String t) { return new SearchRequest(query, mode, limit, region, year, t, addresseeLevel, docType, kind, provider, framework, excludeDocId, facets, plain); }

    public SearchRequest withRegion(String r) { return new SearchRequest(query, mode, limit, r, year, theme, addresseeLevel, docType, kind, provider, framework, excludeDocId, facets, plain); }

    public SearchRequest withYear(String y) { return new SearchRequest(query, mode, limit, region, y, theme, addresseeLevel, docType, kind, provider, framework, excludeDocId, facets, plain); }

    public SearchRequest withAddresseeLevel(String a) { return new SearchRequest(query, mode, limit, region, year, theme, a, docType, kind, provider, framework, excludeDocId, facets, plain); }

    public SearchRequest withDocType(String t) { return new SearchRequest(query, mode, limit, region, year, theme, addresseeLevel, t, kind, provider, framework, excludeDocId, facets, plain); }

    public SearchRequest withProvider(String p) { return new SearchRequest(query, mode, limit, region, year, theme, addresseeLevel, docType, kind, p, framework, excludeDocId, facets, plain); }

    public SearchRequest withFramework(String f) { return new SearchRequest(query, mode, limit, region, year, theme, addresseeLevel, docType, kind, provider, f, excludeDocId, facets, plain); }

    public SearchRequest excludingDoc(String d) { return new SearchRequest(query, mode, limit, region, year, theme, addresseeLevel, docType, kind, provider, framework, d, facets, plain); }

    public SearchRequest withFacets(boolean f) { return new SearchRequest(query, mode, limit, region, year, theme, addresseeLevel, docType, kind, provider, framework, excludeDocId, f, plain); }

    public SearchRequest asPlainText() { return new SearchRequest(query, mode, limit, region, year, theme, addresseeLevel, docType, kind, provider, framework, excludeDocId, facets, true); }
}
