package hmip.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The glyphs drawn so far on one page, to recognise text drawn twice at (almost) the same place (fake
 * bold, shadows). Same rule as PDFBox's {@code suppressDuplicateOverlappingText}: a glyph repeats an
 * earlier one with the same text when that one's x lies in {@code [x - tol, x + tol)} and its y in
 * {@code [y - tol, y + tol)}. PDFBox keeps a {@code TreeMap<Float, TreeSet<Float>>} per character and
 * boxes every coordinate; this keeps glyphs in a hash grid of 4-point cells and compares primitives.
 */
final class OverlappingGlyphs {
    private static final float CELL = 4f;
    private static final int MAX_CELLS_SCANNED = 64;

    private record Glyph(String text, float x, float y) {}

    private final Map<Long, List<Glyph>> cells = new HashMap<>();
    private final List<Glyph> all = new ArrayList<>();

    void clear() {
        cells.clear();
        all.clear();
    }

    /** True when an equal glyph was seen within {@code tolerance}; otherwise remembers this one. */
    boolean seen(String text, float x, float y, float tolerance) {
        if (tolerance > 0) { // PDFBox's ranges are empty for a zero (or NaN) tolerance
            float xFrom = x - tolerance, xTo = x + tolerance, yFrom = y - tolerance, yTo = y + tolerance;
            long cx0 = cell(xFrom), cx1 = cell(xTo), cy0 = cell(yFrom), cy1 = cell(yTo);
            if ((cx1 - cx0 + 1) * (cy1 - cy0 + 1) > MAX_CELLS_SCANNED) {
                for (Glyph g : all) if (matches(g, text, xFrom, xTo, yFrom, yTo)) return true;
            } else {
                for (long cx = cx0; cx <= cx1; cx++) {
                    for (long cy = cy0; cy <= cy1; cy++) {
                        List<Glyph> list = cells.get(key(cx, cy));
                        if (list == null) continue;
                        for (Glyph g : list) if (matches(g, text, xFrom, xTo, yFrom, yTo)) return true;
                    }
                }
            }
        }
        Glyph g = new Glyph(text, x, y);
        cells.computeIfAbsent(key(cell(x), cell(y)), k -> new ArrayList<>(2)).add(g);
        all.add(g);
        return false;
    }

    private static boolean matches(Glyph g, String text, float xFrom, float xTo, float yFrom, float yTo) {
        return g.x >= xFrom && g.x < xTo && g.y >= yFrom && g.y < yTo && g.text.equals(text);
    }

    private static long cell(float v) {
        return (long) Math.floor(v / CELL);
    }

    private static long key(long cx, long cy) {
        return (cx << 32) ^ (cy & 0xffffffffL);
    }
}
