package hmip.layout;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The footnote reference marks printed so far in a document, page by page in reading order. */
final class NoteMarks {
    private final Set<String> seen = new HashSet<>();

    void seen(List<String> marks) { seen.addAll(marks); }

    boolean contains(String mark) { return seen.contains(mark); }
}
