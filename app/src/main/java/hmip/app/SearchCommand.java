package hmip.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import hmip.search.PassageSearcher;
import hmip.search.QuerySyntaxException;
import hmip.search.SearchHit;
import hmip.search.SearchRequest;
import hmip.search.SearchResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hmip search}: ranked passages with highlights, provider, region, document and page, then facet counts. */
@Command(name = "search", description = "Search passages (paragraphs, recommendations, findings) by words and meaning.")
final class SearchCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "QUERY",
            description = "(optional with a filter) words, \"phrases\", \"phrase\"~N (proximity), AND/OR/NOT; abbreviations such as DA, UPW, SPO expand")
    List<String> query;

    @Option(names = "--mode", description = "lexical, semantic or hybrid (default: ${DEFAULT-VALUE})")
    String mode = "hybrid";

    @Option(names = "--region", description = "only this region, e.g. \"North West\"") String region;

    @Option(names = "--year", description = "only this publication year") String year;

    @Option(names = "--theme", description = "only passages with this theme id (see `hmip themes`)") String theme;

    @Option(names = "--addressee", description = "only recommendations to this level: PDU, region, HMPPS, MoJ ...")
    String addressee;

    @Option(names = "--type", description = "document type: pdu_report, regional_letter, nps_division_report ...")
    String type;

    @Option(names = "--kind", description = "passage kind: recommendation, finding, paragraph, list_item ...")
    String kind;

    @Option(names = "--provider", description = "only this inspected unit (as printed)") String provider;

    @Option(names = "--framework", description = "pdu_2021, nps_2018 or crc_2018") String framework;

    @Option(names = "--limit", description = "number of hits (default: ${DEFAULT-VALUE})")
    int limit = 10;

    @Option(names = "--json", description = "print hits and facets as JSON")
    boolean json;

    @Mixin Locations.IndexFolder index;

    @Override
    public Integer call() throws Exception {
        if (limit < 1 || limit > 1000) {
            System.err.println("search: --limit must be between 1 and 1000");
            return 2;
        }
        SearchRequest.Mode m;
        try {
            m = SearchRequest.Mode.parse(mode);
        } catch (IllegalArgumentException e) {
            System.err.println("search: --mode must be lexical, semantic or hybrid");
            return 2;
        }
        String q = query == null ? "" : String.join(" ", query);
        try (PassageSearcher searcher = new PassageSearcher(index.path())) {
            SearchRequest request;
            try {
                request = SearchRequest.of(q).withMode(m).withLimit(limit)
                        .withRegion(checked(region, () -> known(searcher, "region", "--region")))
                        .withYear(checked(year, () -> known(searcher, "year", "--year")))
                        .withTheme(checked(theme, () -> themes(searcher)))
                        .withAddresseeLevel(checked(addressee, () -> known(searcher, "addressee_level", "--addressee")))
                        .withDocType(checked(type, () -> known(searcher, "doc_type", "--type", DOC_TYPES)))
                        .withKind(checked(kind, () -> known(searcher, "kind", "--kind", KINDS)))
                        .withProvider(checked(provider, () -> known(searcher, "provider", "--provider")))
                        .withFramework(checked(framework, () -> known(searcher, "framework", "--framework", FRAMEWORKS)));
            } catch (KnownValues.UnknownValueException e) {
                System.err.println("search: " + e.getMessage());
                return 2;
            }
            SearchResult result = searcher.search(request);
            if (json) {
                System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result));
                return 0;
            }
            print(q, result);
            return 0;
        } catch (QuerySyntaxException e) {
            System.err.println("search: " + e.getMessage());
            return 2;
        }
    }

    /** Reads what a filter may match (only when the filter is given). */
    interface KnownSource {
        KnownValues get() throws java.io.IOException;
    }

    /** The value as the data spells it, or null without a filter. */
    static String checked(String value, KnownSource known) throws java.io.IOException, KnownValues.UnknownValueException {
        return value == null || value.isBlank() ? null : known.get().check(value);
    }

    /** Values the model defines even before any passage has them. */
    static final List<String> KINDS = List.of("paragraph", "list_item", "table_row", "footnote", "recommendation", "finding");
    static final List<String> DOC_TYPES = List.of("pdu_report", "regional_letter", "nps_division_report", "crc_report", "other");
    static final List<String> FRAMEWORKS = List.of("pdu_2021", "nps_2018", "crc_2018");

    /** What a filter on a facet may match: the index's values, plus any the model always defines. */
    static KnownValues known(PassageSearcher searcher, String dim, String option, List<String> defined) throws java.io.IOException {
        KnownValues k = KnownValues.of(option, searcher.values(dim));
        for (String d : defined) k.add(d);
        return k;
    }

    static KnownValues known(PassageSearcher searcher, String dim, String option) throws java.io.IOException {
        return known(searcher, dim, option, List.of());
    }

    /** Theme ids of the taxonomy (each also by its label), and any the index holds. */
    static KnownValues themes(PassageSearcher searcher) throws java.io.IOException {
        KnownValues k = known(searcher, "theme", "--theme");
        return themes(k);
    }

    static KnownValues themes(KnownValues k) {
        for (var t : hmip.enrich.Taxonomy.standard().themes()) {
            k.add(t.id());
            k.alias(t.label(), t.id());
        }
        return k;
    }

    static void print(String q, SearchResult result) {
        for (String note : result.notes()) System.out.println("note: " + note);
        System.out.printf("%d hits for \"%s\" (%s, %d matching passages, %.0f ms)%n", result.hits().size(), q,
                result.mode().name().toLowerCase(), result.totalMatches(), result.millis());
        int rank = 0;
        for (SearchHit h : result.hits()) {
            var p = h.passage();
            System.out.printf("%n%2d. [%s] %s  p.%d  %s%n", ++rank, p.kind(), p.docId(), p.page(), p.id());
            StringBuilder where = new StringBuilder();
            if (p.provider() != null) where.append(p.provider());
            if (p.region() != null) where.append(where.length() > 0 ? " · " : "").append(p.region());
            if (p.year() != null) where.append(" · ").append(p.year());
            if (p.addresseeLevel() != null) where.append(" · to ").append(p.addresseeLevel());
            if (where.length() > 0) System.out.printf("    %s%n", where);
            if (p.title() != null) System.out.printf("    %s%n", p.title());
            System.out.printf("    %s%n", h.highlight().replaceAll("\\s+", " "));
            if (!p.themes().isEmpty()) System.out.printf("    themes: %s%n", String.join(", ", p.themes()));
        }
        if (!result.facets().isEmpty()) {
            System.out.println();
            System.out.println("facets (matching passages)");
            for (Map.Entry<String, Map<String, Integer>> dim : result.facets().entrySet()) {
                StringBuilder sb = new StringBuilder();
                int shown = 0;
                for (var v : dim.getValue().entrySet()) {
                    if (shown++ == 12) {
                        sb.append(" …");
                        break;
                    }
                    if (sb.length() > 0) sb.append(", ");
                    sb.append(v.getKey()).append(" ").append(v.getValue());
                }
                System.out.printf("  %-16s %s%n", dim.getKey(), sb);
            }
        }
    }
}
