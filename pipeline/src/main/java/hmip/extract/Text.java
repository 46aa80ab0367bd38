package hmip.extract;

import java.util.Locale;
import java.util.regex.Pattern;

/** Small text tests shared by the readers. */
final class Text {
    private Text() {}

    static boolean containsIgnoreCase(String text, String needle) {
        return text.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }

    /** {@code phrase} in {@code text} as whole words, case-insensitive. */
    static boolean containsWord(String text, String phrase) {
        return Pattern.compile("(?i)(?<![\\p{L}\\d])" + Pattern.quote(phrase) + "(?![\\p{L}\\d])").matcher(text).find();
    }

    /** Whole-word, case-insensitive occurrences in an already lower-cased {@code lower}. */
    static int countOccurrences(String lower, String phrase) {
        String p = phrase.toLowerCase(Locale.ROOT);
        int n = 0;
        for (int i = lower.indexOf(p); i >= 0; i = lower.indexOf(p, i + 1)) {
            boolean startOk = i == 0 || !Character.isLetterOrDigit(lower.charAt(i - 1));
            int end = i + p.length();
            boolean endOk = end >= lower.length() || !Character.isLetterOrDigit(lower.charAt(end));
            if (startOk && endOk) n++;
        }
        return n;
    }
}
