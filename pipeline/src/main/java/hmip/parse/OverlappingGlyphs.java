package hmip.parse;

import java.util.Arrays;

/**
 * The glyphs drawn so far on one page, to recognise text drawn twice at (almost) the same place (fake
 * bold, shadows). Same rule as PDFBox's {@code suppressDuplicateOverlappingText}: a glyph repeats an
 * earlier one with the same text when that one's x lies in {@code [x - tol, x + tol)} and its y in
 * {@code [y - tol, y + tol)}. PDFBox keeps a {@code TreeMap<Float, TreeSet<Float>>} per character and
 * boxes every coordinate; this keeps glyphs in a grid of 4-point cells held in primitive arrays (an
 * open-addressing table from cell to the cell's most recent glyph, glyphs chained within a cell), as it
 * runs once per glyph of every page and a boxed {@code HashMap<Long, List>} grid still cost a fifth of
 * parsing.
 */
final class OverlappingGlyphs {
    private static final float CELL = 4f;
    private static final int MAX_CELLS_SCANNED = 64;
    private static final int EMPTY = -1;

    // glyphs, in drawing order
    private String[] texts = new String[1024];
    private float[] xs = new float[1024], ys = new float[1024];
    private int[] nextInCell = new int[1024];
    private int count;

    // open addressing: cell key -> index of the cell's last glyph
    private long[] keys = new long[2048];
    private int[] heads = new int[2048];
    private int used;

    OverlappingGlyphs() {
        Arrays.fill(heads, EMPTY);
    }

    void clear() {
        if (count == 0) return;
        Arrays.fill(heads, EMPTY);
        Arrays.fill(texts, 0, count, null);
        count = 0;
        used = 0;
    }

    /** True when an equal glyph was seen within {@code tolerance}; otherwise remembers this one. */
    boolean seen(String text, float x, float y, float tolerance) {
        if (tolerance > 0) { // PDFBox's ranges are empty for a zero (or NaN) tolerance
            float xFrom = x - tolerance, xTo = x + tolerance, yFrom = y - tolerance, yTo = y + tolerance;
            long cx0 = cell(xFrom), cx1 = cell(xTo), cy0 = cell(yFrom), cy1 = cell(yTo);
            if ((cx1 - cx0 + 1) * (cy1 - cy0 + 1) > MAX_CELLS_SCANNED) {
                for (int g = 0; g < count; g++) if (matches(g, text, xFrom, xTo, yFrom, yTo)) return true;
            } else {
                for (long cx = cx0; cx <= cx1; cx++) {
                    for (long cy = cy0; cy <= cy1; cy++) {
                        for (int g = head(key(cx, cy)); g != EMPTY; g = nextInCell[g]) {
                            if (matches(g, text, xFrom, xTo, yFrom, yTo)) return true;
                        }
                    }
                }
            }
        }
        add(text, x, y);
        return false;
    }

    private boolean matches(int g, String text, float xFrom, float xTo, float yFrom, float yTo) {
        float gx = xs[g], gy = ys[g];
        return gx >= xFrom && gx < xTo && gy >= yFrom && gy < yTo && texts[g].equals(text);
    }

    private void add(String text, float x, float y) {
        if (count == texts.length) {
            int n = count * 2;
            texts = Arrays.copyOf(texts, n);
            xs = Arrays.copyOf(xs, n);
            ys = Arrays.copyOf(ys, n);
            nextInCell = Arrays.copyOf(nextInCell, n);
        }
        int g = count++;
        texts[g] = text;
        xs[g] = x;
        ys[g] = y;
        if ((used + 1) * 2 > keys.length) grow();
        long key = key(cell(x), cell(y));
        int slot = slot(keys, heads, key);
        if (heads[slot] == EMPTY) {
            keys[slot] = key;
            used++;
        }
        nextInCell[g] = heads[slot];
        heads[slot] = g;
    }

    private int head(long key) {
        return heads[slot(keys, heads, key)];
    }

    /** The slot holding {@code key}, or the empty slot where it would go. */
    private static int slot(long[] keys, int[] heads, long key) {
        int mask = keys.length - 1;
        int i = (int) (mix(key) & mask);
        while (heads[i] != EMPTY && keys[i] != key) i = (i + 1) & mask;
        return i;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldHeads = heads;
        keys = new long[oldKeys.length * 2];
        heads = new int[oldKeys.length * 2];
        Arrays.fill(heads, EMPTY);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldHeads[i] == EMPTY) continue;
            int s = slot(keys, heads, oldKeys[i]);
            keys[s] = oldKeys[i];
            heads[s] = oldHeads[i];
        }
    }

    private static long mix(long key) {
        key *= 0x9E3779B97F4A7C15L;
        return key ^ (key >>> 29);
    }

    private static long cell(float v) {
        return (long) Math.floor(v / CELL);
    }

    private static long key(long cx, long cy) {
        return (cx << 32) ^ (cy & 0xffffffffL);
    }
}
