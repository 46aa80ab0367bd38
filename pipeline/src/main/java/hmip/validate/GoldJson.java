package hmip.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hmip.model.Extraction;
import hmip.model.KeyQuestion;
import hmip.model.Provider;
import hmip.model.Recommendation;
import hmip.model.Score;
import hmip.model.StandardRating;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a gold annotation file (the corpus's {@code GOLD_SCHEMA.md}) as an {@link Extraction}, so checks can run
 * on expected extractions (tests, evaluation). Gold files carry no provenance: every value's provenance is null.
 */
public final class GoldJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GoldJson() {}

    public static Extraction read(InputStream in) throws IOException {
        return fromJson(JSON.readTree(in));
    }

    public static Extraction fromJson(JsonNode j) {
        List<Provider> providers = new ArrayList<>();
        for (JsonNode p : j.path("providers")) {
            List<StandardRating> ratings = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = p.path("ratings").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                ratings.add(new StandardRating(e.getKey(), e.getValue().asText(), null));
            }
            JsonNode s = p.path("score");
            Score score = s.isObject() ? new Score(s.path("points").asInt(), s.path("max").asInt(), null) : null;
            providers.add(new Provider(p.path("name").asText(), text(p, "type"), text(p, "fieldwork_started"), score,
                    text(p, "overall_rating"), ratings, null));
        }
        List<KeyQuestion> kqs = new ArrayList<>();
        for (JsonNode k : j.path("key_questions")) {
            kqs.add(new KeyQuestion(text(k, "provider"), text(k, "standard"), text(k, "code"), text(k, "question"),
                    k.path("percent_yes").asInt(), null));
        }
        List<Recommendation> recs = new ArrayList<>();
        for (JsonNode r : j.path("recommendations")) {
            recs.add(new Recommendation(text(r, "provider"), text(r, "addressee"), text(r, "addressee_level"),
                    r.path("number").isNumber() ? r.path("number").asInt() : null, text(r, "text"), null));
        }
        List<String> notes = new ArrayList<>();
        j.path("notes").forEach(n -> notes.add(n.asText()));
        return new Extraction(text(j, "doc_id"), text(j, "doc_type"), text(j, "title"), text(j, "inspectorate"),
                text(j, "published"), text(j, "region"), text(j, "framework"), providers, kqs, recs, List.of(), notes);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
