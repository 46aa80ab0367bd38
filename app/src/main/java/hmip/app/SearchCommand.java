package hmip.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import hmip.search.PassageSearcher;
import hmip.search.QuerySyntaxException;
import hmip.search.SearchHit;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hmip search}: ranked passages with highlights, document and page. */
@Command(name = "search", description = "Search passages (paragraphs, recommendations, findings).")
final class SearchCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "words, \"phrases\", AND/OR/NOT, field:value")
    List<String> query;

    @Option(names = "--limit", description = "number of hits (default: ${DEFAULT-VALUE})")
    int limit = 10;

    @Option(names = "--json", description = "print hits as JSON")
    boolean json;

    @Option(names = "--index", description = "index folder (default: var/index)")
    Path index;

    @Override
    public Integer call() throws Exception {
        if (limit < 1 || limit > 1000) {
            System.err.println("search: --limit must be between 1 and 1000");
            return 2;
        }
        String q = String.join(" ", query);
        try (PassageSearcher searcher = new PassageSearcher(index == null ? Locations.defaultIndex() : index)) {
            List<SearchHit> hits = searcher.search(q, limit);
            if (json) {
                System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(hits));
                return 0;
            }
            System.out.printf("%d hits for \"%s\"%n", hits.size(), q);
            int rank = 0;
            for (SearchHit h : hits) {
                var p = h.passage();
                System.out.printf("%n%2d. %s  p.%d  [%s]  score %.2f%n", ++rank, p.docId(), p.page(), p.kind(), h.score());
                if (p.title() != null) System.out.printf("    %s%n", p.title());
                System.out.printf("    %s%n", h.highlight().replaceAll("\\s+", " "));
            }
            return 0;
        } catch (QuerySyntaxException e) {
            System.err.println("search: " + e.getMessage());
            return 2;
        }
    }
}
