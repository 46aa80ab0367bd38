package hmip.extract;

import hmip.model.KeyQuestion;
import hmip.model.Provider;
import hmip.model.Recommendation;
import hmip.model.StandardRating;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cross-checks that only add notes, never change values: a case-supervision rating against the band of
 * its lowest key question (saying whether the report mentions professional discretion), the printed
 * number of recommendations against the count found, and regional-letter section headings against the
 * names on the ratings tables.
 */
final class ConsistencyNotes {
    private static final Map<String, Integer> NUMBER_WORDS = numberWords();
    private static final Pattern MADE_N = Pattern.compile("(?i)\\bmade (\\w+) recommendations\\b");

    private final Rules rules;

    ConsistencyNotes(Rules rules) { this.rules = rules; }

    void check(DocRows rows, List<Provider> providers, List<KeyQuestion> kqs, List<Recommendation> recs,
               boolean letter, Notes notes) {
        String text = rows.fullText().replaceAll("\\s+", " "); // phrases wrap across lines
        bands(providers, kqs, text, notes);
        if (!letter) recommendationCount(text, recs, notes);
        else sectionNames(providers, recs, notes);
    }

    private void bands(List<Provider> providers, List<KeyQuestion> kqs, String text, Notes notes) {
        boolean discretion = text.toLowerCase(Locale.ROOT).contains("professional discretion");
        for (Provider p : providers) {
            Map<String, Integer> lowest = new LinkedHashMap<>();
            for (KeyQuestion k : kqs) {
                if (k.provider() != null && !k.provider().equals(p.name())) continue;
                lowest.merge(k.standard(), k.percentYes(), Math::min);
            }
            for (StandardRating r : p.ratings()) {
                Integer low = lowest.get(r.standard());
                if (low == null || !rules.ratingPoints().containsKey(r.rating())) continue;
                String band = rules.band(low);
                if (band != null && !band.equals(r.rating())) {
                    notes.add(String.format("%s standard %s is rated '%s' but its lowest key question is %d%% ('%s' band)%s.",
                            p.name(), r.standard(), r.rating(), low, band,
                            discretion ? "; the report mentions professional discretion" : "; the report does not mention professional discretion"));
                }
            }
        }
    }

    private static void recommendationCount(String text, List<Recommendation> recs, Notes notes) {
        Matcher m = MADE_N.matcher(text);
        if (!m.find()) return;
        String w = m.group(1).toLowerCase(Locale.ROOT);
        Integer n = w.matches("\\d+") ? Integer.valueOf(w) : NUMBER_WORDS.get(w);
        if (n != null && n != recs.size()) {
            notes.add("The report says it made " + m.group(1) + " recommendations; " + recs.size() + " were found.");
        }
    }

    /** Regional letters often name a PDU differently in Annexe one and Annexe two; say so. */
    private static void sectionNames(List<Provider> providers, List<Recommendation> recs, Notes notes) {
        Set<String> sections = new LinkedHashSet<>();
        recs.forEach(r -> { if (r.provider() != null) sections.add(r.provider()); });
        for (String s : sections) {
            boolean same = providers.stream().anyMatch(p -> key(p.name()).equals(key(s)));
            if (!same) notes.add("Recommendation section '" + s + "' does not carry the same name as any ratings table (" 
                    + String.join(", ", providers.stream().map(Provider::name).toList()) + ").");
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replace("&", "and").replaceAll("\\bpdu\\b", "").replaceAll("\\s+", " ").strip();
    }

    private static Map<String, Integer> numberWords() {
        String[] words = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < words.length; i++) m.put(words[i], i);
        return m;
    }
}
