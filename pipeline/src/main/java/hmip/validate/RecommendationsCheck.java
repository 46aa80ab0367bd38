package hmip.validate;

import hmip.model.CheckFinding;
import hmip.model.Extraction;
import hmip.model.Recommendation;
import hmip.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the recommendations read are all there is. Ids: {@code recommendation-count} (warning: the report
 * says it made N recommendations and another number was read), {@code recommendation-numbering} (warning: the
 * printed numbers of a unit's recommendations skip numbers, or a recommendation's text holds what looks like the
 * next numbered item, so items were merged or lost).
 */
public final class RecommendationsCheck implements Check {
    private static final Pattern MADE_N = Pattern.compile("(?i)\\b(?:we have |we )?made (\\w+) recommendations\\b");
    private static final Pattern EMBEDDED_ITEM = Pattern.compile("\\s(\\d{1,2})[.)]\\s+\\p{Ll}");
    private static final Map<String, Integer> NUMBER_WORDS = numberWords();

    @Override public String name() { return "recommendations"; }

    @Override
    public List<CheckFinding> run(DocumentInput input) {
        Extraction ex = input.extraction();
        List<CheckFinding> out = new ArrayList<>();
        if (ex.providers().isEmpty()) return out;
        count(input, ex, out);
        numbering(ex, out);
        return out;
    }

    /** "We have made fourteen recommendations": a report on one unit states its total. */
    private static void count(DocumentInput input, Extraction ex, List<CheckFinding> out) {
        for (PageText p : input.pages()) {
            Matcher m = MADE_N.matcher(p.text().replaceAll("\\s+", " "));
            if (!m.find()) continue;
            String w = m.group(1).toLowerCase(Locale.ROOT);
            Integer n = w.matches("\\d+") ? Integer.valueOf(w) : NUMBER_WORDS.get(w);
            if (n == null || n == ex.recommendations().size()) return;
            out.add(CheckFinding.of("recommendation-count", Severity.WARNING, ex.docId()).at(p.page(), null, null)
                    .value("stated", n).value("read", ex.recommendations().size())
                    .message("the report says it made " + m.group(1) + " recommendations; " + ex.recommendations().size()
                            + " were read"));
            return;
        }
    }

    /** Within each unit's recommendations, printed numbers run on by one (a letter numbers each unit from 1). */
    private static void numbering(Extraction ex, List<CheckFinding> out) {
        Map<String, List<Recommendation>> byUnit = new LinkedHashMap<>();
        for (Recommendation r : ex.recommendations()) byUnit.computeIfAbsent(String.valueOf(r.provider()), k -> new ArrayList<>()).add(r);
        for (List<Recommendation> recs : byUnit.values()) {
            Integer last = null;
            for (Recommendation r : recs) {
                Matcher embedded = EMBEDDED_ITEM.matcher(r.text());
                if (r.number() != null && embedded.find() && Integer.parseInt(embedded.group(1)) == r.number() + 1) {
                    out.add(CheckFinding.of("recommendation-numbering", Severity.WARNING, ex.docId()).at(r.provenance())
                            .provider(r.provider()).value("number", r.number())
                            .message("recommendation " + r.number() + " to " + r.addressee() + " holds what looks like item "
                                    + embedded.group(1) + " in its text: items were merged"));
                }
                if (r.number() == null) continue;
                if (last != null && r.number() > last + 1) {
                    out.add(CheckFinding.of("recommendation-numbering", Severity.WARNING, ex.docId()).at(r.provenance())
                            .provider(r.provider()).value("after", last).value("number", r.number())
                            .message("recommendation numbers jump from " + last + " to " + r.number() + ": "
                                    + (r.number() - last - 1) + " recommendation(s) were not read"));
                }
                if (last == null || !Objects.equals(r.number(), last)) last = r.number();
            }
        }
    }

    private static Map<String, Integer> numberWords() {
        String[] words = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
                "twenty", "twenty-one", "twenty-two", "twenty-three", "twenty-four", "twenty-five"};
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < words.length; i++) m.put(words[i], i);
        return m;
    }
}
