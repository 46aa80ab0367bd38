package hmip.enrich;

import hmip.model.Block;
import hmip.model.BlockKind;
import hmip.model.Box;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The section heading path of every block of a laid-out document ("Annexe one – Recommendations > Cheshire
 * West > Cheshire West PDU should:"), from its HEADING blocks. The layout gives headings no level, so a
 * heading's printed height stands for it: a heading closes every open heading printed no larger than itself.
 * A heading that wraps (taller than 1.8 × the typical heading line) is the smallest kind in these reports
 * (the inspection framework's questions), so it counts as the smallest size. Headings over 120 characters
 * (distribution lists) are not section titles and are skipped. The path keeps the innermost three.
 */
final class SectionPaths {
    static final int MAX_DEPTH = 3;
    static final int MAX_HEADING_CHARS = 120;

    private record Open(String text, double size) {}

    private final List<Block> blocks;
    private final String[] paths;

    SectionPaths(List<Block> blocks) {
        this.blocks = blocks;
        this.paths = new String[blocks.size()];
        double line = typicalLine(blocks), smallest = smallest(blocks, line);
        Deque<Open> open = new ArrayDeque<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            String text = b.text().replaceAll("\\s+", " ").strip();
            if (b.kind() == BlockKind.HEADING && text.length() > 2 && text.length() <= MAX_HEADING_CHARS) {
                double size = height(b.box());
                if (size <= 0 || size > 1.8 * line) size = smallest;
                while (!open.isEmpty() && open.peekLast().size() <= size + 0.05) open.removeLast();
                open.addLast(new Open(text, size));
            }
            paths[i] = path(open);
        }
    }

    /** The path of the i-th block (null when no heading precedes it). */
    String of(int i) { return paths[i]; }

    /** The path at a position given as page and character offset: that of the last block starting at or before it. */
    String at(int page, int start) {
        String best = null;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (b.page() < page || (b.page() == page && b.start() <= start)) best = paths[i];
            else if (b.page() > page) break;
        }
        return best;
    }

    private static String path(Deque<Open> open) {
        if (open.isEmpty()) return null;
        List<String> all = new ArrayList<>();
        for (Open o : open) all.add(o.text());
        return String.join(" > ", all.subList(Math.max(0, all.size() - MAX_DEPTH), all.size()));
    }

    private static double height(Box box) { return box == null ? 0 : box.height(); }

    /** The median height of short (one-line) headings: what one heading line measures in this document. */
    private static double typicalLine(List<Block> blocks) {
        double[] h = blocks.stream().filter(b -> b.kind() == BlockKind.HEADING && b.text().length() <= 60)
                .mapToDouble(b -> height(b.box())).filter(x -> x > 0).sorted().toArray();
        return h.length == 0 ? Double.MAX_VALUE : h[h.length / 2];
    }

    private static double smallest(List<Block> blocks, double line) {
        return blocks.stream().filter(b -> b.kind() == BlockKind.HEADING).mapToDouble(b -> height(b.box()))
                .filter(x -> x > 0 && x <= 1.8 * line).min().orElse(0);
    }

    @Override
    public String toString() { return Arrays.toString(paths); }
}
