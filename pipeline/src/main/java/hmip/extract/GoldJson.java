package hmip.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hmip.model.DocumentStatus;
import hmip.model.Extraction;
import hmip.model.Finding;
import hmip.model.KeyQuestion;
import hmip.model.Provenance;
import hmip.model.Provider;
import hmip.model.Recommendation;
import hmip.model.Score;
import hmip.model.StandardRating;
import hmip.model.StatedRating;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The gold schema's JSON ({@code GOLD_SCHEMA.md}): snake_case field names in the gold files' order.
 * With provenance on, each value object also gets a {@code provenance} {page, start, end} and the
 * findings are included; without, the output has exactly the gold schema's fields.
 */
public final class GoldJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GoldJson() {}

    public static ObjectNode toJson(Extraction e, boolean provenance) {
        return toJson(e, null, provenance);
    }

    /**
     * The gold schema's fields, plus {@code status} ({level, reasons}) when one is given and
     * {@code display_title} (a readable title, also for documents that print none).
     */
    public static ObjectNode toJson(Extraction e, DocumentStatus status, boolean provenance) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("doc_id", e.docId());
        root.put("doc_type", e.docType());
        if (status != null) {
            ObjectNode st = root.putObject("status");
            st.put("level", status.level());
            ArrayNode reasons = st.putArray("reasons");
            status.reasons().forEach(reasons::add);
        }
        root.put("title", e.title());
        root.put("display_title", e.displayTitle());
        root.put("inspectorate", e.inspectorate());
        root.put("published", e.published());
        root.put("region", e.region());
        root.put("framework", e.framework());
        ArrayNode providers = root.putArray("providers");
        for (Provider p : e.providers()) {
            ObjectNode n = providers.addObject();
            n.put("name", p.name());
            n.put("type", p.type());
            n.put("fieldwork_started", p.fieldworkStarted());
            putScore(n, p.score());
            n.put("overall_rating", p.overallRating());
            ObjectNode ratings = n.putObject("ratings");
            for (StandardRating r : p.ratings()) ratings.put(r.standard(), r.rating());
            if (provenance) {
                putProvenance(n, p.provenance());
                ObjectNode rp = n.putObject("ratings_provenance");
                for (StandardRating r : p.ratings()) putProvenance(rp.putObject(r.standard()), r.provenance());
            }
        }
        ArrayNode kqs = root.putArray("key_questions");
        for (KeyQuestion k : e.keyQuestions()) {
            ObjectNode n = kqs.addObject();
            n.put("provider", k.provider());
            n.put("standard", k.standard());
            n.put("code", k.code());
            n.put("question", k.question());
            n.put("percent_yes", k.percentYes());
            if (provenance) putProvenance(n, k.provenance());
        }
        ArrayNode recs = root.putArray("recommendations");
        for (Recommendation r : e.recommendations()) {
            ObjectNode n = recs.addObject();
            n.put("provider", r.provider());
            n.put("addressee", r.addressee());
            n.put("addressee_level", r.addresseeLevel());
            if (r.number() == null) n.putNull("number");
            else n.put("number", r.number());
            n.put("text", r.text());
            if (provenance) putProvenance(n, r.provenance());
        }
        if (provenance) {
            ArrayNode fs = root.putArray("findings");
            for (Finding f : e.findings()) {
                ObjectNode n = fs.addObject();
                n.put("provider", f.provider());
                n.put("standard", f.standard());
                n.put("polarity", f.polarity());
                n.put("text", f.text());
                putProvenance(n, f.provenance());
            }
        }
        if (!e.statedRatings().isEmpty()) { // press releases and landing pages only: reports keep the gold schema's fields
            ArrayNode stated = root.putArray("stated_ratings");
            for (StatedRating s : e.statedRatings()) {
                ObjectNode n = stated.addObject();
                n.put("provider", s.provider());
                n.put("unit", s.unit());
                n.put("type", s.providerType());
                n.put("overall_rating", s.rating());
                putScore(n, s.score());
                n.put("sentence", s.sentence());
                if (provenance) {
                    n.put("rule", s.rule());
                    putProvenance(n, s.provenance());
                }
            }
        }
        ArrayNode notes = root.putArray("notes");
        e.notes().forEach(notes::add);
        if (!e.gaps().isEmpty()) {
            ArrayNode gaps = root.putArray("gaps");
            e.gaps().forEach(gaps::add);
        }
        return root;
    }

    public static String write(Extraction e, DocumentStatus status, boolean provenance) {
        try {
            return MAPPER.writeValueAsString(toJson(e, status, provenance));
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void putScore(ObjectNode n, Score score) {
        if (score == null) n.putNull("score");
        else n.putObject("score").put("points", score.points()).put("max", score.max());
    }

    private static void putProvenance(ObjectNode n, Provenance p) {
        if (p == null) return;
        ObjectNode o = n.putObject("provenance");
        o.put("page", p.page());
        o.put("start", p.start());
        o.put("end", p.end());
    }

    /** Reads a gold file back as an {@link Extraction} (no provenance: gold files carry none). */
    public static Extraction read(InputStream in) throws IOException {
        return fromJson(MAPPER.readTree(in));
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
        List<StatedRating> stated = new ArrayList<>();
        for (JsonNode s : j.path("stated_ratings")) {
            JsonNode sc = s.path("score");
            stated.add(new StatedRating(text(s, "provider"), text(s, "unit"), text(s, "type"), text(s, "overall_rating"),
                    sc.isObject() ? new Score(sc.path("points").asInt(), sc.path("max").asInt(), null) : null,
                    text(s, "sentence"), text(s, "rule"), null));
        }
        return new Extraction(text(j, "doc_id"), text(j, "doc_type"), text(j, "title"), text(j, "inspectorate"),
                text(j, "published"), text(j, "region"), text(j, "framework"), providers, kqs, recs, List.of(), notes,
                stated, text(j, "display_title"), List.of());
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
