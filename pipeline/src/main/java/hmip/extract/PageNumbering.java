package hmip.extract;

import hmip.model.LaidOutPage;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pages missing from the file, as its own page numbers tell: the running footers ("4", "Page 4 of 26") that
 * layout set apart. Printed numbers that jump further than the pages between them, a first number higher
 * than the page it is on, or a last page short of the "of N" total mean pages were cut out (a partial
 * download, a document split for upload). It reads no value: one plain-words gap per hole.
 */
final class PageNumbering implements Reader<Void> {
    private static final Pattern NUMBER = Pattern.compile("(?i)^(?:page\\s+)?(\\d{1,4})(?:\\s*(?:of|/)\\s*(\\d{1,4}))?$");

    @Override
    public String name() { return "page numbers"; }

    @Override
    public Read<Void> read(ExtractionContext context) {
        List<LaidOutPage> pages = context.text().doc().pages();
        // every page number candidate in the running lines: physical page, printed number, printed total (0 if none)
        List<List<int[]>> candidates = new ArrayList<>();
        java.util.Map<Integer, Integer> offsets = new java.util.HashMap<>();
        for (LaidOutPage p : pages) {
            List<int[]> onPage = new ArrayList<>();
            for (String line : p.removedLines()) {
                Matcher m = NUMBER.matcher(line.strip());
                if (!m.matches()) continue;
                int[] c = {p.number(), Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2))};
                onPage.add(c);
                offsets.merge(c[1] - c[0], 1, Integer::sum);
            }
            candidates.add(onPage);
        }
        // the usual distance between printed and physical numbers picks the page number among other stray
        // numbers in the margins ("3" of a chart beside "Page 7 of 37"); "Page N of M" wins over a bare number
        int usual = offsets.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).map(java.util.Map.Entry::getKey).orElse(0);
        List<int[]> printed = new ArrayList<>();
        for (List<int[]> onPage : candidates) {
            int[] best = null;
            for (int[] c : onPage) {
                if (best == null || score(c, usual) > score(best, usual)) best = c;
            }
            if (best != null) printed.add(best);
        }
        List<String> gaps = new ArrayList<>();
        if (printed.size() < 2) return Read.of(null); // too few numbered pages to judge
        int[] first = printed.get(0);
        if (first[1] > first[0] && first[1] - first[0] <= 500) {
            gaps.add(pages(first[1] - first[0]) + " before page " + first[1] + " (its first numbered page) are missing from the file");
        }
        for (int k = 1; k < printed.size(); k++) {
            int[] a = printed.get(k - 1), b = printed.get(k);
            int missing = (b[1] - a[1]) - (b[0] - a[0]);
            if (missing > 0 && missing <= 500) {
                gaps.add("printed page numbers jump from " + a[1] + " to " + b[1] + ": " + pages(missing)
                        + " missing from the file");
            }
        }
        int[] last = printed.get(printed.size() - 1);
        int total = last[2];
        int lastPrinted = last[1] + (pages.size() - last[0]); // unnumbered pages after the last number still count
        if (total > 0 && lastPrinted < total) {
            gaps.add("the file ends at page " + lastPrinted + " of " + total + ": pages " + (lastPrinted + 1) + "-" + total
                    + " are missing");
        }
        return new Read<>(null, List.of(), gaps);
    }

    private static int score(int[] candidate, int usualOffset) {
        return (candidate[1] - candidate[0] == usualOffset ? 2 : 0) + (candidate[2] > 0 ? 1 : 0);
    }

    private static String pages(int n) { return n == 1 ? "1 page is" : n + " pages are"; }
}
