package hmip.extract;

import hmip.model.Block;
import hmip.model.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads overall ratings from a summary sentence that lists units before each quoted rating
 * ("we rated A, B, and C as 'Requires improvement', while D and E were rated as 'Inadequate'").
 * Used only when a ratings table fails to print a unit's overall rating.
 */
final class SummaryRatings {
    /** A full stop (possibly after a closing quote) followed by a capitalised word starts a new sentence. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?]['’\"”]?)\\s+(?=[A-Z])");
    private final Pattern quotedRating;

    SummaryRatings(RatingWords words) {
        this.quotedRating = Pattern.compile("['‘’\"“”](" + words.alternation() + ")['‘’\"“”]", Pattern.CASE_INSENSITIVE);
    }

    record Found(String rating, Provenance provenance) {}

    Optional<Found> lookup(DocRows rows, String providerName, RatingWords words) {
        List<String> variants = variants(providerName);
        // paragraphs, not lines: the sentence usually wraps between a unit's name and its rating
        for (Block b : rows.doc().blocks()) {
            for (String t : SENTENCE_END.split(b.text().replace('\t', ' '))) {
                if (!t.toLowerCase(Locale.ROOT).contains("rated")) continue;
                Matcher m = quotedRating.matcher(t);
                int segStart = 0;
                while (m.find()) {
                    String segment = t.substring(segStart, m.start()).toLowerCase(Locale.ROOT).replace("&", "and");
                    for (String v : variants) {
                        if (DocumentClassifier.containsWord(segment, v)) {
                            return Optional.of(new Found(words.canonical(m.group(1)), b.provenance(rows.docId())));
                        }
                    }
                    segStart = m.end();
                }
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
