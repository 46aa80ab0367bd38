package hmip.layout;

import java.util.regex.Pattern;

/**
 * Removes the markup that text converters leave in reports exported as Markdown or HTML-ish text:
 * heading hashes, bold/italic asterisks, {@code <sup>} footnote references and anchors. A heading mark
 * is reported so the line can still be treated as a heading.
 */
final class TextMarkup {
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+");
    private static final Pattern SUP = Pattern.compile("(<sup>[^<]*</sup>)+");
    private static final Pattern ANCHOR = Pattern.compile("<a\\s[^>]*>([^<]*)</a>");
    private static final Pattern TAG = Pattern.compile("</?(b|i|em|strong|u|span|br)\\b[^>]*>");
    private static final Pattern EMPHASIS = Pattern.compile("\\*\\*|__");

    record Cleaned(String text, boolean heading, boolean bold) {}

    private TextMarkup() {}

    static Cleaned clean(String raw) {
        String s = raw;
        boolean heading = false;
        var m = HEADING.matcher(s);
        if (m.find()) {
            heading = true;
            s = s.substring(m.end());
        }
        // "<sup>&</sup>lt;sup>N</sup>" is a doubly escaped footnote reference; collapse it first.
        s = s.replace("<sup>&</sup>lt;sup>", "<sup>");
        s = SUP.matcher(s).replaceAll("");
        s = ANCHOR.matcher(s).replaceAll("$1");
        s = TAG.matcher(s).replaceAll("");
        boolean bold = s.contains("**");
        s = EMPHASIS.matcher(s).replaceAll("");
        s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", " ").replace("&amp;", "&");
        return new Cleaned(s.strip(), heading, bold || heading);
    }
}
