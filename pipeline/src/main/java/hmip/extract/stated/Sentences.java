package hmip.extract.stated;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into sentence spans. A line break ends a sentence when the line ends with closing punctuation, is
 * short and unpunctuated (a headline, a list item: HTML text has one paragraph or item per line), or the next line
 * is a bullet; otherwise it is a wrapped line (PDF text) and the sentence goes on.
 */
final class Sentences {
    /** A line this short without closing punctuation is a headline or list item, not half a sentence. */
    static final int SHORT_LINE_WORDS = 12;
    private static final Pattern INNER_BREAK = Pattern.compile("(?<=[.!?])['’\"”)]*\\s+(?=[\\p{Lu}‘'\"“(•–\\-\\d])");
    private static final Pattern BULLET = Pattern.compile("^\\s*[•\\-–—*▪·]\\s");
    private static final Pattern CLOSED = Pattern.compile("[.!?:]['’\"”)]*$");
    private static final Pattern OPEN_END = Pattern.compile("(?:[,;(&]|\\b(?:and|or|of|the|for|to|in|a|an|with|by|as|is|was|has|have|been|rated))$");

    private Sentences() {}

    /** Sentence spans [start, end) of {@code text}, in order, without surrounding whitespace. */
    static List<int[]> split(String text) {
        List<int[]> chunks = new ArrayList<>();
        int chunkStart = 0;
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int nl = text.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? text.length() : nl;
            String line = text.substring(lineStart, lineEnd).strip();
            boolean last = nl < 0;
            boolean breakHere = last || line.isEmpty() || CLOSED.matcher(line).find()
                    || (words(line) <= SHORT_LINE_WORDS && !OPEN_END.matcher(line).find())
                    || BULLET.matcher(nextLine(text, lineEnd)).find();
            if (breakHere) {
                chunks.add(new int[] {chunkStart, lineEnd});
                chunkStart = lineEnd + 1;
            }
            if (last) break;
            lineStart = nl + 1;
        }
        List<int[]> out = new ArrayList<>();
        for (int[] c : chunks) {
            if (c[0] >= c[1]) continue;
            String chunk = text.substring(c[0], c[1]);
            Matcher m = INNER_BREAK.matcher(chunk);
            int from = 0;
            while (m.find()) {
                add(out, text, c[0] + from, c[0] + m.start());
                from = m.end();
            }
            add(out, text, c[0] + from, c[1]);
        }
        return out;
    }

    private static String nextLine(String text, int lineEnd) {
        if (lineEnd >= text.length()) return "";
        int nl = text.indexOf('\n', lineEnd + 1);
        return text.substring(lineEnd + 1, nl < 0 ? text.length() : nl);
    }

    private static void add(List<int[]> out, String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) start++;
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) end--;
        if (end > start) out.add(new int[] {start, end});
    }

    private static int words(String line) {
        return line.isBlank() ? 0 : line.split("\\s+").length;
    }
}
