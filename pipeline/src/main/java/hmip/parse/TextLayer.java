package hmip.parse;

import hmip.model.TextLine;
import java.util.List;

/**
 * Whether a page's extracted text is text at all. A PDF whose fonts map glyphs to no usable Unicode gives
 * control characters, private-use or replacement characters instead of letters (some converters write such
 * files; so do broken font subsets): taken as words, it would make a report look like nothing.
 */
final class TextLayer {
    /** More than this share of unusable characters among the non-space ones makes a page unreadable. */
    static final double MAX_UNUSABLE = 0.2;

    private TextLayer() {}

    static boolean readable(List<TextLine> lines) {
        long chars = 0, unusable = 0;
        for (TextLine l : lines) {
            String t = l.text();
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (Character.isWhitespace(c)) continue;
                chars++;
                if (unusable(c)) unusable++;
            }
        }
        return chars == 0 || unusable <= MAX_UNUSABLE * chars;
    }

    private static boolean unusable(char c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.PRIVATE_USE || type == Character.UNASSIGNED
                || type == Character.SURROGATE || c == '\uFFFD';
    }
}
