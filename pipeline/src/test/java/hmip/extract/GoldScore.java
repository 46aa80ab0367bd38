package hmip.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per-field precision and recall of extractions against gold, both in the gold JSON shape. Each field
 * is a multiset of tuples (document id first); a predicted tuple counts as correct when an equal gold
 * tuple is still unmatched.
 */
final class GoldScore {
    static final List<String> FIELDS = List.of("doc_type", "framework", "region", "title", "published",
            "ratings", "overall_rating", "score", "fieldwork_started", "key_question_pct",
            "rec_count_by_addressee", "rec_text");

    private final Map<String, int[]> counts = new LinkedHashMap<>(); // field -> {matched, predicted, gold}
    private final List<String> misses = new ArrayList<>();

    GoldScore() {
        FIELDS.forEach(f -> counts.put(f, new int[3]));
    }

    void add(JsonNode gold, JsonNode got, String label) {
        for (String f : FIELDS) {
            List<List<String>> g = tuples(f, gold), p = tuples(f, got);
            int[] c = counts.get(f);
            c[1] += p.size();
            c[2] += g.size();
            Map<List<String>, Integer> pool = new HashMap<>();
            g.forEach(t -> pool.merge(t, 1, Integer::sum));
            for (List<String> t : p) {
                Integer n = pool.get(t);
                if (n != null && n > 0) { c[0]++; pool.put(t, n - 1); }
                else misses.add(label + " " + f + " unexpected " + t);
            }
            pool.forEach((t, n) -> { if (n > 0) misses.add(label + " " + f + " missing " + t); });
        }
    }

    double precision(String field) {
        int[] c = counts.get(field);
        return c[1] == 0 ? (c[2] == 0 ? 1.0 : 0.0) : (double) c[0] / c[1];
    }

    double recall(String field) {
        int[] c = counts.get(field);
        return c[2] == 0 ? 1.0 : (double) c[0] / c[2];
    }

    int[] counts(String field) { return counts.get(field); }

    List<String> misses() { return misses; }

    static List<List<String>> tuples(String field, JsonNode doc) {
        String id = doc.path("doc_id").asText();
        List<List<String>> out = new ArrayList<>();
        switch (field) {
            case "doc_type", "framework", "region", "title", "published" -> out.add(List.of(id, text(doc.get(field))));
            case "ratings" -> doc.path("providers").forEach(p -> p.path("ratings").fields().forEachRemaining(
                    e -> out.add(List.of(id, key(p.path("name").asText()), e.getKey(), e.getValue().asText()))));
            case "overall_rating", "fieldwork_started" -> doc.path("providers").forEach(p -> {
                if (!p.path(field).isNull() && !p.path(field).isMissingNode()) out.add(List.of(id, key(p.path("name").asText()), p.path(field).asText()));
            });
            case "score" -> doc.path("providers").forEach(p -> {
                JsonNode s = p.path("score");
                if (s.isObject()) out.add(List.of(id, key(p.path("name").asText()), s.path("points").asInt() + "/" + s.path("max").asInt()));
            });
            case "key_question_pct" -> doc.path("key_questions").forEach(k -> out.add(List.of(id, key(k.path("provider").asText()),
                    k.path("standard").asText(), key(k.path("question").asText()), k.path("percent_yes").asText())));
            case "rec_count_by_addressee" -> {
                Map<List<String>, Integer> n = new LinkedHashMap<>();
                doc.path("recommendations").forEach(r -> n.merge(List.of(id, key(r.path("provider").asText()),
                        space(r.path("addressee").asText()), r.path("addressee_level").asText()), 1, Integer::sum));
                n.forEach((k, v) -> { List<String> t = new ArrayList<>(k); t.add(String.valueOf(v)); out.add(t); });
            }
            case "rec_text" -> doc.path("recommendations").forEach(r -> out.add(List.of(id, key(r.path("provider").asText()),
                    text(r.get("number")), space(r.path("text").asText()))));
            default -> throw new IllegalArgumentException(field);
        }
        return out;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "null" : n.asText();
    }

    /** Whitespace normalisation only: recommendation text must otherwise match as printed. */
    static String space(String s) {
        return s.replaceAll("[\\s\\u00A0]+", " ").strip();
    }

    /** Matching key for names and questions: case, quotes and white space do not matter. */
    static String key(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).replace('’', '\'').replace('‘', '\'');
        return space(n).toLowerCase(Locale.ROOT);
    }
}
