package hmip.extract;

import hmip.reference.Reference;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the rating vocabulary ("Outstanding", "Good", "Requires improvement", "Inadequate",
 * "Not rated") in table cells and at the end of lines, tolerating quotes and case differences. Returns
 * the reference's spelling, because rating is a closed vocabulary the warehouse joins on.
 */
final class RatingWords {
    private final List<String> ratings;
    private final Pattern whole;
    private final Pattern trailing;

    RatingWords(Reference reference) {
        this.ratings = reference.ratingWords();
        String alt = String.join("|", ratings.stream().map(r -> r.replace(" ", "\\s+")).toList());
        this.whole = Pattern.compile("^['‘’\"“”]*(" + alt + ")['‘’\"“”]*[.:]?$", Pattern.CASE_INSENSITIVE);
        // a rating printed in a right-hand column and merged into the end of a statement line
        this.trailing = Pattern.compile("(?:^|\\s)['‘’\"“”]*(" + alt + ")['‘’\"“”]*$", Pattern.CASE_INSENSITIVE);
    }

    /** The rating when the whole text is a rating word (quotes and a trailing full stop allowed). */
    Optional<String> whole(String text) {
        Matcher m = whole.matcher(text.strip());
        return m.matches() ? Optional.of(canonical(m.group(1))) : Optional.empty();
    }

    /** A rating at the very end of a line, with the text before it. */
    Optional<Trailing> trailing(String text) {
        Matcher m = trailing.matcher(text.strip());
        if (!m.find()) return Optional.empty();
        return Optional.of(new Trailing(canonical(m.group(1)), text.strip().substring(0, m.start()).strip()));
    }

    record Trailing(String rating, String before) {}

    String canonical(String printed) {
        String norm = printed.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        for (String r : ratings) if (r.toLowerCase(Locale.ROOT).equals(norm)) return r;
        return printed;
    }

    boolean isRating(String text) { return whole(text).isPresent(); }

    String alternation() {
        return String.join("|", ratings.stream().map(r -> r.replace(" ", "\\s+")).toList());
    }
}
