package hmip.extract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Inspectorate's vocabulary, loaded from {@code hmip/extract/rules.json}: rating words, months,
 * region and division names, standards per framework and addressee levels. Kept as data so new wording
 * is a one-line change, not a code change.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Rules(String inspectorate, List<String> inspectorateMarkers, List<String> ratings,
                    Map<String, Integer> ratingPoints, List<Band> keyQuestionBands, List<String> months, List<Region> regions,
                    List<Framework> frameworks, List<AddresseeLevel> addresseeLevels) {

    /** A case-supervision rating band: the lowest key question's "% Yes" at or above {@code min} gives {@code rating}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Band(String rating, int min) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Region(String name, List<String> aliases, List<String> frameworks) {
        public Region {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
            frameworks = frameworks == null ? List.of() : List.copyOf(frameworks);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Framework(String id, String docType, String providerType, List<String> markers,
                            List<Standard> standards) {
        public Optional<Standard> standard(String code) {
            return standards.stream().filter(s -> s.code().equals(code)).findFirst();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Standard(String code, String name, Boolean rated, List<String> statements) {
        public Standard {
            statements = statements == null ? List.of() : List.copyOf(statements);
        }

        public boolean isRated() { return rated == null || rated; }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AddresseeLevel(String level, String pattern) {
        Pattern compiled() { return Pattern.compile(pattern, Pattern.CASE_INSENSITIVE); }
    }

    private static final String RESOURCE = "/hmip/extract/rules.json";

    public static Rules standard() {
        try (InputStream in = Rules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(in, Rules.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Framework> framework(String id) {
        return frameworks.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** Month name (any case, or a 3-letter abbreviation) to 1..12; 0 when not a month. */
    public int month(String word) {
        for (int i = 0; i < months.size(); i++) {
            String m = months.get(i);
            if (m.equalsIgnoreCase(word) || (word.length() == 3 && m.substring(0, 3).equalsIgnoreCase(word))) return i + 1;
        }
        return 0;
    }

    /** The band rating for a lowest key-question percentage (bands are listed from the top). */
    public String band(int percent) {
        for (Band b : keyQuestionBands) if (percent >= b.min()) return b.rating();
        return null;
    }

    /** Regex alternation of month names, for building date patterns. */
    public String monthAlternation() {
        return String.join("|", months);
    }
}
