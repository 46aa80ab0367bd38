package hmip.parse;

import hmip.model.Segment;
import hmip.model.TextLine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes text-layer faults Ghostscript's pdfwrite (10.0) leaves in ToUnicode maps, so that "staff" is not indexed
 * as "sta昀昀" or "staû", nor "division's" as "division9s". Each is a decoding of a known producer bug, never a
 * change of wording; a document that needed one says so in its parse metadata ({@code text_layer_repair}).
 * <ul>
 *   <li>the UTF-16 bytes of the ligature's letters written swapped: "ff" ({@code 0066 0066}) is read as
 *       {@code 6600 6600}, two CJK ideographs; for ffi and ffl the last two letters come out added together
 *       ({@code 6600 CF00}, where CF = 'f' + 'i'). Runs of two or three such characters that decode to letters
 *       starting with f are rewritten wherever they occur: no English word holds them, and a lone ideograph is
 *       left as printed;</li>
 *   <li>the ligatures U+FB00..U+FB04 written as U+00FB..U+00FF (û ü ý þ ÿ). Those are real letters too, so they
 *       are rewritten only inside words and only when the document shows the fault: at least
 *       {@value #FAULT_EVIDENCE} words hold one of û ý þ ÿ next to a lower-case letter, which English text
 *       does not ("staû", "suþcient"). A "Müller" in a document without the fault keeps its ü;</li>
 *   <li>the right single quote U+2019 written as '9' (the bytes 20 and 19 added: 0x39). Read back as ’ between
 *       letters only when at least {@value #FAULT_EVIDENCE} words show it before s or t ("division9s",
 *       "don9t"), which English text does not. The same fault turns dashes and other quotes into digits and
 *       punctuation that cannot be told from real ones; those are left as printed.</li>
 * </ul>
 */
final class TextLayerFaults {
    static final int FAULT_EVIDENCE = 3;
    private static final String LATIN1_LIGATURES = "ûüýþÿ";
    private static final String[] LETTERS = {"ff", "fi", "fl", "ffi", "ffl"};
    private static final Pattern NEVER_ENGLISH = Pattern.compile("[a-z][ûýþÿ]|[ûýþÿ][a-z]");
    private static final Pattern IN_WORD = Pattern.compile("(?<=[A-Za-z])[ûüýþÿ]|[ûüýþÿ](?=[a-z])");
    private static final Pattern QUOTE_AS_NINE = Pattern.compile("[a-z]9[st]\\b");
    private static final Pattern NINE_IN_WORD = Pattern.compile("(?<=[A-Za-z])9(?=[a-z])");

    private TextLayerFaults() {
    }

    /** Repairs byte-swapped ligatures in one word (the first fault); safe on any text. */
    static String repairSwapped(String word) {
        if (!mayContainSwapped(word)) return word;
        StringBuilder out = new StringBuilder(word.length());
        int i = 0;
        while (i < word.length()) {
            int end = i;
            while (end < word.length() && end - i < 3 && swappedByte(word.charAt(end)) != 0) end++;
            String letters = end - i >= 2 ? decodeSwapped(word, i, end) : null;
            if (letters != null) {
                out.append(letters);
                i = end;
            } else {
                out.append(word.charAt(i));
                i++;
            }
        }
        return out.toString();
    }

    /** Which of the line-level faults the document's lines show (the byte-swapped one is repaired per word). */
    record Faults(boolean ligaturesAsAccents, boolean quoteAsNine) {
        boolean any() { return ligaturesAsAccents || quoteAsNine; }

        String describe() {
            List<String> parts = new ArrayList<>();
            if (ligaturesAsAccents) parts.add("ligatures (ff, fi, fl, ffi, ffl) written as û ü ý þ ÿ were read as their letters");
            if (quoteAsNine) parts.add("apostrophes written as '9' between letters were read as ’");
            return String.join("; ", parts);
        }
    }

    static Faults detect(Iterable<List<TextLine>> pages) {
        return new Faults(shows(pages, NEVER_ENGLISH), shows(pages, QUOTE_AS_NINE));
    }

    private static boolean shows(Iterable<List<TextLine>> pages, Pattern symptom) {
        int evidence = 0;
        for (List<TextLine> lines : pages) {
            for (TextLine line : lines) {
                Matcher m = symptom.matcher(line.text());
                while (m.find()) {
                    if (++evidence >= FAULT_EVIDENCE) return true;
                }
            }
        }
        return false;
    }

    /** The line with the document's faults undone inside words; segment offsets follow the new lengths. */
    static TextLine repair(TextLine line, Faults faults) {
        if (!faults.any()) return line;
        List<Segment> segments = new ArrayList<>(line.segments().size());
        StringBuilder text = new StringBuilder(line.text().length() + 8);
        boolean changed = false;
        for (Segment s : line.segments()) {
            if (!text.isEmpty()) text.append('\t');
            String repaired = s.text();
            if (faults.ligaturesAsAccents()) {
                repaired = IN_WORD.matcher(repaired).replaceAll(m -> LETTERS[LATIN1_LIGATURES.indexOf(m.group().charAt(0))]);
            }
            if (faults.quoteAsNine()) repaired = NINE_IN_WORD.matcher(repaired).replaceAll("\u2019");
            changed |= !repaired.equals(s.text());
            segments.add(new Segment(repaired, text.length(), s.box()));
            text.append(repaired);
        }
        return changed ? new TextLine(text.toString(), line.box(), line.fontSize(), line.bold(), line.italic(), segments) : line;
    }

    /** The cheap test first: almost every word has no character of the form U+XX00 above U+2000. */
    private static boolean mayContainSwapped(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (swappedByte(word.charAt(i)) != 0) return true;
        }
        return false;
    }

    private static int swappedByte(char c) {
        return c >= 0x2000 && (c & 0xFF) == 0 ? c >> 8 : 0;
    }

    private static String decodeSwapped(String word, int from, int to) {
        StringBuilder letters = new StringBuilder(3);
        for (int i = from; i < to; i++) {
            int b = swappedByte(word.charAt(i));
            if (b == 'f' + 'i' && i > from) letters.append("fi");
            else if (b == 'f' + 'l' && i > from) letters.append("fl");
            else if (b >= 'a' && b <= 'z') letters.append((char) b);
            else return null;
        }
        return letters.charAt(0) == 'f' ? letters.toString() : null;
    }
}
