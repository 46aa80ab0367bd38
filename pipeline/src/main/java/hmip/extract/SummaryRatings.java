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
 * Used only when a ratings table fails to print a unit's overall rating.
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
    private List<Listing> listings(DocRows rows) {
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
    Optional<String> lookup(DocRows rows, String providerName, RatingWords words) {
        List<String> variants = variants(providerName);
        for (Listing l : listings(rows)) {
            String segment = l.segment().toLowerCase(Locale.ROOT).replace("&", "and");
            if (variants.stream().anyMatch(v -> DocumentClassifier.containsWord(segment, v))) {
                return Optional.of(words.canonical(l.rating()));
            }
        }
        return Optional.empty();
    }

    /**
     * Checks the summary's lists ("we rated A, B, and C as 'Requires improvement', while D and E were
     * rated as 'Inadequate'") against the units' names and table ratings, and notes a listed name that
     * matches no unit (often a typo) or a rating that differs from the unit's table.
     */
    void check(DocRows rows, List<hmip.model.Provider> providers, List<String> otherNames, Notes notes) {
        for (Listing l : listings(rows)) {
            for (String listed : listedNames(l.segment())) checkName(listed, l.rating(), providers, otherNames, notes);
        }
    }

    private static final Pattern LIST_LEAD = Pattern.compile("(?i)^.*?\\brated\\s+");
    private static final Pattern LIST_TAIL = Pattern.compile("(?i)\\s+(?:were|was|is|are|have been|has been)?\\s*(?:rated\\s+)?as\\s*$");

    /** The unit names in "we rated A, B, and C as" / "while D and E were rated as". */
    private static List<String> listedNames(String segment) {
        String s = segment.replaceAll("^['’\"”,;\\s]+", "");
        s = s.replaceFirst("(?i)^(while|whereas|and|but)\\s+", "");
        Matcher tail = LIST_TAIL.matcher(s);
        if (!tail.find()) return List.of();
        s = s.substring(0, tail.start());
        s = LIST_LEAD.matcher(s).replaceFirst("");
        if (s.length() > 200) return List.of(); // not a list of names
        List<String> out = new ArrayList<>();
        // commas only: "Knowsley and St Helens" is one name; "D and E" is split later if no unit matches it whole
        for (String part : s.split(",\\s*(?:and\\s+)?")) {
            String name = part.strip();
            if (!name.isEmpty() && Character.isUpperCase(name.charAt(0)) && name.split("\\s+").length <= 6) out.add(name);
        }
        return out;
    }

    private void checkName(String listed, String rating, List<hmip.model.Provider> providers, List<String> otherNames, Notes notes) {
        if (!known(listed, providers, otherNames) && listed.contains(" and ")) {
            for (String piece : listed.split("\\s+and\\s+")) checkName(piece.strip(), rating, providers, otherNames, notes);
            return;
        }
        String key = bare(listed);
        for (hmip.model.Provider p : providers) {
            if (bare(p.name()).equals(key)) {
                if (p.overallRating() != null && !p.overallRating().equalsIgnoreCase(rating.replaceAll("\\s+", " "))) {
                    notes.add("The summary rates " + listed + " '" + rating + "' but its ratings table says '" + p.overallRating() + "'.");
                }
                return;
            }
        }
        if (otherNames.stream().anyMatch(n -> bare(n).equals(key))) return;
        notes.add("The summary names '" + listed + "' (rated '" + rating + "'), which matches no inspected unit's name; possibly a typo.");
    }

    private static boolean known(String listed, List<hmip.model.Provider> providers, List<String> otherNames) {
        String key = bare(listed);
        return providers.stream().anyMatch(p -> bare(p.name()).equals(key)) || otherNames.stream().anyMatch(n -> bare(n).equals(key));
    }

    private static String bare(String name) {
        return name.toLowerCase(Locale.ROOT).replace("&", "and").replaceAll("\\s+(pdu|probation delivery unit)$", "")
                .replaceAll("\\s+", " ").strip();
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
