package hmip.layout;

import hmip.model.Page;
import hmip.model.TextLine;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds running headers and footers: lines that recur, digits aside, near the top or bottom of many
 * pages. A line counts as running when its shape appears in the top or bottom band of at least a
 * third of the pages (and at least three). Bare page numbers ("4", "Page 4 of 26") in those bands go too.
 */
final class RunningLines {
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?i)^(page\\s+)?\\d{1,4}(\\s*(of|/)\\s*\\d{1,4})?$");
    private static final int BAND = 3; // lines from the top and from the bottom considered

    private final Set<String> runningShapes = new HashSet<>();

    RunningLines(List<Page> pages) {
        Map<String, Integer> counts = new HashMap<>();
        for (Page page : pages) {
            Set<String> seen = new HashSet<>();
            List<TextLine> lines = page.lines();
            for (int i = 0; i < lines.size(); i++) {
                if (inBand(i, lines.size())) seen.add(shape(lines.get(i).text()));
            }
            seen.forEach(s -> counts.merge(s, 1, Integer::sum));
        }
        int threshold = Math.max(3, (int) Math.ceil(pages.size() / 3.0));
        counts.forEach((shape, n) -> {
            if (n >= threshold && !shape.isBlank()) runningShapes.add(shape);
        });
    }

    boolean isRunning(List<TextLine> lines, int index) {
        if (!inBand(index, lines.size())) return false;
        String text = lines.get(index).text().strip();
        return PAGE_NUMBER.matcher(text).matches() || runningShapes.contains(shape(text));
    }

    private static boolean inBand(int index, int size) {
        return index < BAND || index >= size - BAND;
    }

    private static String shape(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("\\d+", "#").replaceAll("\\s+", " ");
    }
}
