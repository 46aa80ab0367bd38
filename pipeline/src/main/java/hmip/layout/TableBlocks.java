package hmip.layout;

import hmip.model.Block;
import hmip.model.BlockKind;
import hmip.model.Box;
import hmip.model.Cell;
import hmip.model.Line;
import hmip.model.Table;
import hmip.model.TableRow;
import java.util.ArrayList;
import java.util.List;

/**
 * Blocks of a page's tables read row by row. Grouping lines into blocks by spacing alone cuts a table
 * whose cells wrap ("17,182 | The number of individuals supervised by the North West division" then
 * "of the NPS") into a row and loose fragments, which then stand as passages of their own. Where a
 * detected table covers whole blocks, those blocks are replaced by one table-row block per logical row
 * of the table, its cells joined by tabs, so a wrapped cell stays with its row.
 *
 * <p>Only blocks: the table itself, which the extraction readers use, is unchanged. A table that shares
 * a block with text outside it, holds a heading, or whose rows do not take up each of its lines once keeps
 * the blocks it had.
 */
final class TableBlocks {
    private TableBlocks() {}

    static List<Block> regroup(int page, List<Line> lines, List<Block> blocks, List<Table> tables, Dehyphenator dh) {
        List<Block> out = new ArrayList<>(blocks);
        for (Table t : tables) {
            if (t.rows().size() < 2 || t.firstLine() < 0 || t.lastLine() >= lines.size() || !rowsCoverEveryLine(t)) continue;
            int from = lines.get(t.firstLine()).start(), to = lines.get(t.lastLine()).end();
            List<Integer> inside = new ArrayList<>();
            boolean clean = true;
            for (int i = 0; i < out.size(); i++) {
                Block b = out.get(i);
                if (b.end() <= from || b.start() >= to) continue;
                if (b.start() < from || b.end() > to || b.kind() == BlockKind.HEADING) {
                    clean = false;
                    break;
                }
                inside.add(i);
            }
            if (!clean || inside.isEmpty()) continue;
            List<Block> rows = rowBlocks(page, lines, t, dh);
            int at = inside.get(0);
            for (int k = inside.size() - 1; k >= 0; k--) out.remove((int) inside.get(k));
            out.addAll(at, rows);
        }
        List<Block> renumbered = new ArrayList<>(out.size());
        for (int i = 0; i < out.size(); i++) {
            Block b = out.get(i);
            renumbered.add(b.ordinal() == i ? b : new Block(b.page(), i, b.kind(), b.text(), b.start(), b.end(), b.box()));
        }
        return renumbered;
    }

    /** Whether every line from the table's first to its last is in exactly one row: no text is lost or doubled. */
    private static boolean rowsCoverEveryLine(Table t) {
        int next = t.firstLine();
        for (TableRow r : t.rows()) {
            if (r.firstLine() != next || r.lastLine() < r.firstLine()) return false;
            next = r.lastLine() + 1;
        }
        return next == t.lastLine() + 1;
    }

    /**
     * One block per row. A row with nothing in its first column that starts in lower case continues the
     * row above (the last line of a wrapped cell the detector set apart) and is joined to it.
     */
    private static List<Block> rowBlocks(int page, List<Line> lines, Table t, Dehyphenator dh) {
        List<Block> out = new ArrayList<>();
        for (TableRow r : t.rows()) {
            if (r.filled().isEmpty()) continue;
            String text = String.join("\t", r.filled().stream().map(c -> joinLines(c, dh)).toList());
            int start = lines.get(r.firstLine()).start(), end = lines.get(r.lastLine()).end();
            Box box = null;
            for (int i = r.firstLine(); i <= r.lastLine(); i++) {
                Box b = lines.get(i).box();
                if (b != null) box = box == null ? b : box.union(b);
            }
            Block previous = out.isEmpty() ? null : out.get(out.size() - 1);
            if (previous != null && r.cell(0).isEmpty() && Character.isLowerCase(text.codePointAt(0))) {
                Box joined = previous.box() == null ? box : box == null ? previous.box() : previous.box().union(box);
                out.set(out.size() - 1, new Block(page, previous.ordinal(), BlockKind.TABLE_ROW,
                        dh.join(previous.text(), text), previous.start(), end, joined));
                continue;
            }
            out.add(new Block(page, out.size(), BlockKind.TABLE_ROW, text, start, end, box));
        }
        return out;
    }

    /** A wrapped cell's lines as running text (a word hyphenated at a line end is rejoined). */
    private static String joinLines(Cell c, Dehyphenator dh) {
        String joined = "";
        for (String line : c.text().split("\n")) joined = dh.join(joined, line.strip());
        return joined;
    }
}
