package hmip.extract;

import hmip.model.Provenance;
import hmip.model.Score;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a printed PDU score ("Score 7/24", "Score" then "7/24" in the next cell) and checks it against the ratings. */
final class ScoreParser {
    static final Pattern SCORE = Pattern.compile("(?i)^(.*?)\\s*\\bScore:?\\s*(\\d{1,2})\\s*/\\s*(\\d{1,2})$");
    // case-sensitive: a table's "Score" label is capitalised; "the lowest score" at a line end is prose
    static final Pattern SCORE_LABEL_ONLY = Pattern.compile("^(.*?)\\s*\\bScore:?$");
    static final Pattern FRACTION = Pattern.compile("^(\\d{1,2})\\s*/\\s*(\\d{1,2})$");

    private ScoreParser() {}

    /** The score in a row's joined text, with what precedes it (often the provider's name). */
    static Optional<Found> find(String rowText, Provenance provenance) {
        // the pattern's lazy prefix is tried at every position of every row: check the word first
        if (!DocumentClassifier.containsIgnoreCase(rowText, "score")) return Optional.empty();
        Matcher m = SCORE.matcher(rowText.strip());
        if (!m.matches()) return Optional.empty();
        int points = Integer.parseInt(m.group(2)), max = Integer.parseInt(m.group(3));
        if (points > max) return Optional.empty();
        return Optional.of(new Found(new Score(points, max, provenance), m.group(1).strip()));
    }

    record Found(Score score, String before) {}

    /**
     * Recomputes a score from the ratings (Outstanding 3 ... Inadequate 0, 'Not rated' and unrated
     * standards excluded, 3 points available per rated standard). Returns a note when it disagrees.
     */
    static Optional<String> check(ProviderDraft p, Rules rules) {
        if (p.score == null || p.ratings.isEmpty()) return Optional.empty();
        int points = 0, rated = 0;
        for (var r : p.ratings.values()) {
            Integer v = rules.ratingPoints().get(r.rating());
            if (v == null) continue;
            points += v;
            rated++;
        }
        if (points == p.score.points() && rated * 3 == p.score.max()) return Optional.empty();
        return Optional.of(String.format("Score check for %s: printed %d/%d but the printed ratings give %d/%d (%d rated standards).",
                p.name, p.score.points(), p.score.max(), points, rated * 3, rated));
    }
}
