package hmip.extract.stated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The sentence patterns of {@code hmip/extract/stated/patterns.json}, placeholders expanded and compiled. */
final class StatedRatingRules {
    static final String RESOURCE = "/hmip/extract/stated/patterns.json";
    private static final String RATING_WORDS = "(?i:outstanding|good|requires\\s+improvement|inadequate)(?![\\p{L}])";
    private static final String QUOTE = "['‘’\"“”]?";
    private static final Map<String, String> PLACEHOLDERS = Map.of(
            "{LEAD}", "\\s+(?:(?:both|all|each|now|also|jointly|together)\\s+)?",
            "{BE}", "(?:is|are|was|were|has\\s+(?:now\\s+|also\\s+)?been|have\\s+(?:now\\s+|also\\s+|both\\s+|all\\s+|each\\s+)?been|had\\s+been)",
            "{RATING}", QUOTE + "(?<rating>" + RATING_WORDS + ")" + QUOTE,
            "{FROM}", QUOTE + RATING_WORDS + QUOTE,
            "{UNITS}", "(?<units>[^.!?;]{2,250}?)",
            "{N:points}", "(?<points>" + NumberWords.PATTERN + ")",
            "{N:max}", "(?<max>" + NumberWords.PATTERN + ")");

    /** Where a rule finds its units relative to its match. */
    enum Units { BEFORE, BETWEEN, AFTER }

    record RatingRule(String id, Units units, Pattern pattern, boolean overallOnly, boolean pastAllowed, String example) {}

    record ScoreRule(String id, Pattern pattern, String example) {}

    private static volatile StatedRatingRules standard;

    final List<RatingRule> ratings;
    final List<ScoreRule> scores;
    final Pattern notOverallAfter;
    final Pattern earlierInspection;

    private StatedRatingRules(JsonNode root) {
        List<RatingRule> r = new ArrayList<>();
        for (JsonNode n : root.path("rules")) {
            r.add(new RatingRule(n.path("id").asText(), Units.valueOf(n.path("units").asText().toUpperCase(java.util.Locale.ROOT)),
                    Pattern.compile(expand(n.path("regex").asText())), n.path("overallOnly").asBoolean(true),
                    n.path("pastAllowed").asBoolean(false), n.path("example").asText()));
        }
        List<ScoreRule> s = new ArrayList<>();
        for (JsonNode n : root.path("scores")) {
            s.add(new ScoreRule(n.path("id").asText(), Pattern.compile(expand(n.path("regex").asText())), n.path("example").asText()));
        }
        this.ratings = List.copyOf(r);
        this.scores = List.copyOf(s);
        this.notOverallAfter = Pattern.compile(root.path("notOverallAfter").asText());
        this.earlierInspection = Pattern.compile(root.path("earlierInspection").asText());
    }

    static StatedRatingRules standard() {
        if (standard == null) {
            synchronized (StatedRatingRules.class) {
                if (standard == null) {
                    try (InputStream in = StatedRatingRules.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
                        standard = new StatedRatingRules(new ObjectMapper().readTree(in));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return standard;
    }

    private static String expand(String regex) {
        String out = regex;
        for (Map.Entry<String, String> p : PLACEHOLDERS.entrySet()) out = out.replace(p.getKey(), p.getValue());
        return out;
    }
}
