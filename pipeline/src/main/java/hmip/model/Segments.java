package hmip.model;

import java.util.ArrayList;
import java.util.List;

/** Column runs of a line known only as text: the runs between tabs, without geometry. */
final class Segments {
    private Segments() {}

    static List<Segment> split(String text) {
        List<Segment> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\t') {
                out.add(new Segment(text.substring(from, i), from, null));
                from = i + 1;
            }
        }
        return List.copyOf(out);
    }
}
