package hmip.extract;

/**
 * Joins wrapped lines into one line of running text. Reports are Word exports that do not hyphenate
 * automatically, so a hyphen at a line end is part of a compound ("well-" + "coordinated") and is
 * kept, with no space inserted.
 */
final class TextJoin {
    private TextJoin() {}

    static String join(String left, String right) {
        String l = left.strip(), r = right.strip();
        if (l.isEmpty()) return r;
        if (r.isEmpty()) return l;
        if (l.endsWith("\u00AD")) return l.substring(0, l.length() - 1) + r;
        if (l.endsWith("-") && l.length() > 1 && Character.isLetter(l.charAt(l.length() - 2))
                && Character.isLowerCase(r.charAt(0))) {
            return l + r;
        }
        return l + " " + r;
    }

    /**
     * Footnote reference numbers that a converter glued to the preceding punctuation ("(ViSOR)4 vetting",
     * "safe?10", "services.2 The"). Only digits right after a closing bracket, quote, "?", ",", ";", ":" or
     * a full stop that ends a word are taken, so "1.5" and "Covid-19" are left alone.
     */
    private static final java.util.regex.Pattern GLUED_FOOTNOTE =
            java.util.regex.Pattern.compile("(?:(?<=[)?,;:’'\"”])|(?<=\\p{L}\\.))\\d{1,2}(?=\\s|$)");

    static String stripFootnoteMarkers(String s) {
        return GLUED_FOOTNOTE.matcher(s).replaceAll("");
    }

    /** Collapses runs of white space (tabs included) to single spaces. */
    static String normaliseSpace(String s) {
        return s.replaceAll("[\\s\\u00A0]+", " ").strip();
    }
}
