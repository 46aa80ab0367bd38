package hmip.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hmip.model.Passage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A judged query set: queries in groups (the documents' own words, everyday wording, abbreviations,
 * recommendations by theme or addressee), each with the passages judged relevant, scored by nDCG@10 and
 * recall@10 per group and mode. Used by the judged-set test and by {@code hmip bench}.
 *
 * <p>A relevant item names a document and a text snippet: any passage of that document whose text contains
 * the snippet (case, punctuation and spacing ignored) finds it, and an item counts once however many
 * passages match it. Items are graded 2 (squarely answers the query) or 1 (partly, or in passing); a plain
 * string {@code "doc_id|snippet"} is grade 2. Gain is 2^grade − 1.
 */
public final class JudgedSet {
    public record Item(String docId, String snippet, int grade) {}

    public record Query(String id, String query, String group, List<Item> relevant) {}

    /** nDCG@10 and recall@10 of one query. */
    public record Score(double ndcg, double recall) {}

    /** Mean scores of a group (or "all") in one mode. */
    public record GroupScore(String group, SearchRequest.Mode mode, int queries, double ndcg, double recall) {}

    /** The groups in report order. */
    public static final List<String> GROUPS = List.of("own", "everyday", "abbreviations", "recommendations");

    private final List<Query> queries;

    private JudgedSet(List<Query> queries) {
        this.queries = List.copyOf(queries);
    }

    public List<Query> queries() { return queries; }

    public static JudgedSet read(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        List<Query> out = new ArrayList<>();
        for (JsonNode q : root.path("queries")) {
            List<Item> rel = new ArrayList<>();
            for (JsonNode r : q.path("relevant")) {
                if (r.isTextual()) {
                    String[] parts = r.asText().split("\\|", 2);
                    rel.add(new Item(parts[0], parts[1], 2));
                } else {
                    rel.add(new Item(r.path("doc").asText(), r.path("text").asText(), r.path("grade").asInt(2)));
                }
            }
            String group = q.path("group").asText(q.path("lay").asBoolean() ? "everyday" : "own");
            out.add(new Query(q.path("id").asText(), q.path("query").asText(), group, rel));
        }
        return new JudgedSet(out);
    }

    static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
    }

    public static boolean matches(Passage p, Item item) {
        return p.docId().equals(item.docId()) && norm(p.text()).contains(norm(item.snippet()));
    }

    private static double gain(int grade) { return Math.pow(2, grade) - 1; }

    private static double discount(int rank) { return 1 / (Math.log(rank + 2) / Math.log(2)); }

    public static Score score(Query q, List<Passage> ranked) {
        if (q.relevant().isEmpty()) return new Score(0, 0);
        Set<Integer> credited = new HashSet<>();
        double dcg = 0;
        for (int i = 0; i < Math.min(10, ranked.size()); i++) {
            int best = 0;
            for (int k = 0; k < q.relevant().size(); k++) {
                Item item = q.relevant().get(k);
                if (!credited.contains(k) && matches(ranked.get(i), item)) {
                    credited.add(k);
                    best = Math.max(best, item.grade());
                }
            }
            dcg += gain(best) * discount(i);
        }
        List<Integer> grades = q.relevant().stream().map(Item::grade).sorted((a, b) -> b - a).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(10, grades.size()); i++) idcg += gain(grades.get(i)) * discount(i);
        return new Score(dcg / idcg, credited.size() / (double) q.relevant().size());
    }

    /** Runs every query in each mode; per-query scores keyed by query id then mode. */
    public Map<String, Map<SearchRequest.Mode, Score>> run(PassageSearcher searcher, List<SearchRequest.Mode> modes)
            throws IOException {
        Map<String, Map<SearchRequest.Mode, Score>> out = new LinkedHashMap<>();
        for (Query q : queries) {
            Map<SearchRequest.Mode, Score> byMode = new LinkedHashMap<>();
            for (SearchRequest.Mode m : modes) {
                try {
                    List<Passage> hits = searcher.search(SearchRequest.of(q.query()).withMode(m).withLimit(10)
                            .withFacets(false)).hits().stream().map(SearchHit::passage).toList();
                    byMode.put(m, score(q, hits));
                } catch (QuerySyntaxException e) {
                    throw new IllegalStateException("judged query " + q.id() + " does not parse", e);
                }
            }
            out.put(q.id(), byMode);
        }
        return out;
    }

    /** Means per group (in {@link #GROUPS} order, then "all") and mode. */
    public List<GroupScore> summary(Map<String, Map<SearchRequest.Mode, Score>> perQuery) {
        List<GroupScore> out = new ArrayList<>();
        List<String> groups = new ArrayList<>(GROUPS);
        groups.add("all");
        SearchRequest.Mode[] modes = perQuery.values().stream().findFirst().map(m -> m.keySet().toArray(SearchRequest.Mode[]::new))
                .orElse(new SearchRequest.Mode[0]);
        for (String g : groups) {
            for (SearchRequest.Mode m : modes) {
                double n = 0, ndcg = 0, recall = 0;
                for (Query q : queries) {
                    if (!g.equals("all") && !g.equals(q.group())) continue;
                    Score s = perQuery.get(q.id()).get(m);
                    n++;
                    ndcg += s.ndcg();
                    recall += s.recall();
                }
                if (n > 0) out.add(new GroupScore(g, m, (int) n, ndcg / n, recall / n));
            }
        }
        return out;
    }

    /** The summary as a table: one line per group, nDCG@10 / recall@10 per mode. */
    public static String table(List<GroupScore> summary) {
        List<SearchRequest.Mode> modes = summary.stream().map(GroupScore::mode).distinct().toList();
        StringBuilder sb = new StringBuilder(String.format("%-16s %4s", "group", "n"));
        for (SearchRequest.Mode m : modes) sb.append(String.format("  %-19s", m.name().toLowerCase(Locale.ROOT) + " nDCG / recall"));
        sb.append('\n');
        Map<String, List<GroupScore>> byGroup = new LinkedHashMap<>();
        for (GroupScore s : summary) byGroup.computeIfAbsent(s.group(), k -> new ArrayList<>()).add(s);
        for (var e : byGroup.entrySet()) {
            sb.append(String.format("%-16s %4d", e.getKey(), e.getValue().get(0).queries()));
            for (GroupScore s : e.getValue()) sb.append(String.format("  %6.3f / %-10.3f", s.ndcg(), s.recall()));
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The score of one group and mode from a summary (NaN when absent). */
    public static double ndcg(List<GroupScore> summary, String group, SearchRequest.Mode mode) {
        return summary.stream().filter(s -> s.group().equals(group) && s.mode() == mode).mapToDouble(GroupScore::ndcg)
                .findFirst().orElse(Double.NaN);
    }

    public static double recall(List<GroupScore> summary, String group, SearchRequest.Mode mode) {
        return summary.stream().filter(s -> s.group().equals(group) && s.mode() == mode).mapToDouble(GroupScore::recall)
                .findFirst().orElse(Double.NaN);
    }
}
