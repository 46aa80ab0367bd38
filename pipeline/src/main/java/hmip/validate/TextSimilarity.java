package hmip.validate;

import java.text.Normalizer;
import java.util.Locale;

/** Comparing recommendation texts: normalised form and a Levenshtein-based similarity in [0, 1]. */
final class TextSimilarity {
    private TextSimilarity() {}

    /** Lower case, curly quotes straightened, punctuation dropped, spaces collapsed. */
    static String normalise(String s) {
        String t = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('’', '\'').replace('‘', '\'');
        return t.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** 1 - edit distance / longer length, on normalised text. */
    static double similarity(String a, String b) {
        String x = normalise(a), y = normalise(b);
        if (x.equals(y)) return 1.0;
        int n = x.length(), m = y.length();
        if (n == 0 || m == 0) return 0.0;
        int[] prev = new int[m + 1], cur = new int[m + 1];
        for (int j = 0; j <= m; j++) prev[j] = j;
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            for (int j = 1; j <= m; j++) {
                int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return 1.0 - (double) prev[m] / Math.max(n, m);
    }
}
