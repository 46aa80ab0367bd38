package hmip.extract.stated;

import java.util.List;
import java.util.Locale;

/** Small counts printed as digits or words ("two", "twenty-seven", "Twenty one"), as scores are in press releases. */
final class NumberWords {
    private static final List<String> UNITS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen");

    /** A regex for one such number (0-39), without groups. */
    static final String PATTERN = "(?i:\\d{1,2}|zero|nil|none|(?:twenty|thirty)(?:[-\\s]+(?:one|two|three|four|five|six|seven|eight|nine))?"
            + "|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five"
            + "|six|seven|eight|nine|ten)";

    private NumberWords() {}

    /** The value of a number matched by {@link #PATTERN}, or null when it is not one. */
    static Integer parse(String printed) {
        String s = printed.strip().toLowerCase(Locale.ROOT).replaceAll("[-\\s]+", " ");
        if (s.matches("\\d{1,3}")) return Integer.valueOf(s);
        if (s.equals("nil") || s.equals("none")) return 0;
        int i = UNITS.indexOf(s);
        if (i >= 0) return i;
        String[] parts = s.split(" ");
        int tens = switch (parts[0]) {
            case "twenty" -> 20;
            case "thirty" -> 30;
            default -> -1;
        };
        if (tens < 0) return null;
        if (parts.length == 1) return tens;
        int unit = UNITS.indexOf(parts[1]);
        return parts.length == 2 && unit > 0 && unit < 10 ? tens + unit : null;
    }
}
