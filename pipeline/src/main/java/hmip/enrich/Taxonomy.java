package hmip.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The theme taxonomy ({@code data/themes/taxonomy.json}, bundled as {@code /hmip/themes/taxonomy.json}):
 * themes with an id, a label, a description and the terms that evidence them.
 */
public final class Taxonomy {
    public static final String RESOURCE = "/hmip/themes/taxonomy.json";

    /** One theme. {@code terms} are as written in the file ('+' marks a strong single word). */
    public record Theme(String id, String label, String description, List<String> terms, List<String> abbreviations) {}

    private final Map<String, Theme> themes;

    public Taxonomy(List<Theme> themes) {
        Map<String, Theme> m = new LinkedHashMap<>();
        for (Theme t : themes) {
            if (m.put(t.id(), t) != null) throw new IllegalArgumentException("duplicate theme id " + t.id());
        }
        this.themes = m;
    }

    private static volatile Taxonomy standard;

    /** The bundled taxonomy. */
    public static Taxonomy standard() {
        Taxonomy t = standard;
        if (t == null) {
            try (InputStream in = Taxonomy.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
                t = read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
            standard = t;
        }
        return t;
    }

    public static Taxonomy read(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        List<Theme> out = new ArrayList<>();
        for (JsonNode n : root.path("themes")) {
            out.add(new Theme(n.path("id").asText(), n.path("label").asText(), n.path("description").asText(""),
                    strings(n.path("terms")), strings(n.path("abbreviations"))));
        }
        return new Taxonomy(out);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : array) out.add(s.asText());
        return out;
    }

    public List<Theme> themes() { return List.copyOf(themes.values()); }

    public Optional<Theme> theme(String id) { return Optional.ofNullable(themes.get(id)); }
}
