package hmip.layout;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Joins words broken across lines. A soft hyphen is always removed. A hard hyphen at a line end is
 * ambiguous ("offending-" + "related" is a compound, "proba-" + "tion" is a break), so the document's
 * own vocabulary decides: the hyphen is dropped only when the joined word occurs elsewhere in the
 * document unhyphenated and the hyphenated compound does not.
 */
final class Dehyphenator {
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’-]*");
    private final Map<String, Integer> vocabulary = new HashMap<>();

    void learn(String text) {
        Matcher m = WORD.matcher(text);
        while (m.find()) vocabulary.merge(m.group().toLowerCase(Locale.ROOT), 1, Integer::sum);
    }

    /** Joins {@code left} (a line) and {@code right} (the next line) into running text. */
    String join(String left, String right) {
        if (left.isEmpty()) return right;
        if (right.isEmpty()) return left;
        if (left.endsWith("\u00AD")) return left.substring(0, left.length() - 1) + right;
        if (left.endsWith("-") && left.length() > 1 && Character.isLetter(left.charAt(left.length() - 2))
                && Character.isLowerCase(right.charAt(0))) {
            String head = lastWord(left.substring(0, left.length() - 1));
            String tail = firstWord(right);
            String joined = (head + tail).toLowerCase(Locale.ROOT);
            String compound = (head + "-" + tail).toLowerCase(Locale.ROOT);
            boolean dropHyphen = vocabulary.getOrDefault(joined, 0) > 0 && vocabulary.getOrDefault(compound, 0) == 0;
            return dropHyphen ? left.substring(0, left.length() - 1) + right : left + right;
        }
        return left + " " + right;
    }

    private static String lastWord(String s) {
        int i = s.length();
        while (i > 0 && Character.isLetter(s.charAt(i - 1))) i--;
        return s.substring(i);
    }

    private static String firstWord(String s) {
        int i = 0;
        while (i < s.length() && Character.isLetter(s.charAt(i))) i++;
        return s.substring(0, i);
    }
}
