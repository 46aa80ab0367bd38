package hmip.extract;

import hmip.model.Provenance;
import hmip.model.Score;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a printed PDU score ("Score 7/24", "Score" then "7/24" in the next cell). Whether it adds up is
 * validation's judgement ({@code hmip.validate.ScoreCheck}), not extraction's.
 */
final class ScoreParser {
    static final Pattern SCORE = Pattern.compile("(?i)^(.*?)\\s*\\bScore:?\\s*(\\d{1,2})\\s*/\\s*(\\d{1,2})$");
    // case-sensitive: a table's "Score" label is capitalised; "the lowest score" at a line end is prose
    static final Pattern SCORE_LABEL_ONLY = Pattern.compile("^(.*?)\\s*\\bScore:?$");
    static final Pattern FRACTION = Pattern.compile("^(\\d{1,2})\\s*/\\s*(\\d{1,2})$");

    private ScoreParser() {}

    /** The score in a row's joined text, with what precedes it (often the provider's name). */
    static Optional<Found> find(String rowText, Provenance provenance) {
        // the pattern's lazy prefix is tried at every position of every row: check the word first
        if (!Text.containsIgnoreCase(rowText, "score")) return Optional.empty();
        Matcher m = SCORE.matcher(rowText.strip());
        if (!m.matches()) return Optional.empty();
        int points = Integer.parseInt(m.group(2)), max = Integer.parseInt(m.group(3));
        if (points > max) return Optional.empty();
        return Optional.of(new Found(new Score(points, max, provenance), m.group(1).strip()));
    }

    record Found(Score score, String before) {}
}
