package hmip.app;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.search.spell.LevenshteinDistance;

/**
 * The values a CLI filter may take (regions, themes, addressees, kinds, standards ...) as the warehouse, the
 * index or the reference know them. A value that matches one of them ignoring case (or one of its aliases,
 * such as a theme's label) is replaced by it; any other is an {@link UnknownValueException} whose message is
 * one line naming the nearest known values, so `--region "North Wst"` says "did you mean "North West"?"
 * instead of printing 0 hits or an empty table.
 */
final class KnownValues {
    /** An unknown filter value; the message is the one line to print (exit status 2). */
    static final class UnknownValueException extends Exception {
        UnknownValueException(String message) { super(message); }
    }

    private final String option;
    /** Lower-case form (value or alias) to the value as the data spells it. */
    private final Map<String, String> byKey = new LinkedHashMap<>();

    KnownValues(String option) {
        this.option = option;
    }

    static KnownValues of(String option, Collection<String> values) {
        KnownValues k = new KnownValues(option);
        for (String v : values) k.add(v);
        return k;
    }

    KnownValues add(String value) {
        if (value != null && !value.isBlank()) byKey.putIfAbsent(key(value), value);
        return this;
    }

    /** Another spelling that stands for a value (a theme's label for its id). */
    KnownValues alias(String alias, String value) {
        if (alias != null && !alias.isBlank()) byKey.putIfAbsent(key(alias), value);
        return this;
    }

    /** The value as the data spells it; null stays null (no filter). */
    String check(String value) throws UnknownValueException {
        if (value == null || value.isBlank()) return value;
        String hit = byKey.get(key(value));
        if (hit != null) return hit;
        throw new UnknownValueException(message(value));
    }

    String message(String value) {
        List<String> values = new ArrayList<>(new java.util.LinkedHashSet<>(byKey.values()));
        if (values.isEmpty()) return "unknown " + option + " \"" + value + "\": nothing ingested so far has any " + option + " value";
        List<String> nearest = nearest(value, values, 3);
        StringBuilder sb = new StringBuilder("unknown ").append(option).append(" \"").append(value).append('"');
        if (!nearest.isEmpty()) sb.append("; did you mean \"").append(nearest.get(0)).append("\"?");
        List<String> listed = nearest.size() > 1 ? nearest : values.stream().sorted().limit(8).toList();
        sb.append(nearest.size() > 1 ? " Nearest known: " : " Known: ").append(String.join(", ", listed));
        if (nearest.size() <= 1 && values.size() > listed.size()) sb.append(", … (").append(values.size()).append(" in all)");
        return sb.toString();
    }

    /** Known values by string similarity to {@code value} (case-insensitive), best first, similar enough only. */
    static List<String> nearest(String value, List<String> values, int n) {
        LevenshteinDistance distance = new LevenshteinDistance();
        String v = key(value);
        Map<String, Float> score = new LinkedHashMap<>();
        for (String known : values) {
            String k = key(known);
            float s = distance.getDistance(v, k);
            // a value the user typed part of ("manchester" for "Greater Manchester") is near too
            if (k.contains(v) || v.contains(k)) s = Math.max(s, 0.75f);
            score.merge(known, s, Math::max);
        }
        return score.entrySet().stream().filter(e -> e.getValue() >= 0.5f)
                .sorted(Map.Entry.<String, Float>comparingByValue(Comparator.reverseOrder()))
                .limit(n).map(Map.Entry::getKey).toList();
    }

    private static String key(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
