package hmip.extract;

import hmip.model.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads overall ratings from a summary sentence that lists units before each quoted rating
 * ("we rated A, B, and C as 'Requires improvement', while D and E were rated as 'Inadequate'").
 * Used only when a ratings table fails to print a unit's overall rating; whether the summary agrees
 * with the tables is for validation ({@code hmip.validate.ProseRatingCheck}) to judge.
 */
final class SummaryRatings {
    /** A full stop (possibly after a closing quote) followed by a capitalised word starts a new sentence. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?]['’\"”]?)\\s+(?=[A-Z])");
    private final Pattern quotedRating;

    SummaryRatings(RatingWords words) {
        this.quotedRating = Pattern.compile("['‘’\"“”](" + words.alternation() + ")['‘’\"“”]", Pattern.CASE_INSENSITIVE);
    }

    /** A run of text naming units, and the quoted rating that follows it. */
    private record Listing(String segment, String rating) {}

    /** Every "… 'Rating'" run in sentences that say "rated", from paragraphs (the sentence often wraps). */
    private List<Listing> listings(DocumentText rows) {
        List<Listing> out = new ArrayList<>();
        for (Block b : rows.doc().blocks()) {
            for (String t : SENTENCE_END.split(b.text().replace('\t', ' '))) {
                if (!t.toLowerCase(Locale.ROOT).contains("rated")) continue;
                Matcher m = quotedRating.matcher(t);
                int segStart = 0;
                while (m.find()) {
                    out.add(new Listing(t.substring(segStart, m.start()), m.group(1)));
                    segStart = m.end();
                }
            }
        }
        return out;
    }

    /** The rating the summary gives the unit, if a sentence names it before a quoted rating. */
    Optional<String> lookup(DocumentText rows, String providerName, RatingWords words) {
        List<String> variants = variants(providerName);
        for (Listing l : listings(rows)) {
            String segment = l.segment().toLowerCase(Locale.ROOT).replace("&", "and");
            if (variants.stream().anyMatch(v -> Text.containsWord(segment, v))) {
                return Optional.of(words.canonical(l.rating()));
            }
        }
        return Optional.empty();
    }

    private static List<String> variants(String name) {
        List<String> out = new ArrayList<>();
        String n = name.toLowerCase(Locale.ROOT).replace("&", "and").replaceAll("\\s+", " ").strip();
        out.add(n);
        String bare = n.replaceAll("\\s+(pdu|probation delivery unit)$", "");
        if (!bare.equals(n) && bare.length() >= 4) out.add(bare);
        return out;
    }
}
