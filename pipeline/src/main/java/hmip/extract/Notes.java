package hmip.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Discrepancies and oddities found while extracting, in the order found, without duplicates. */
final class Notes {
    private final Set<String> notes = new LinkedHashSet<>();

    void add(String note) { notes.add(note); }

    List<String> list() { return new ArrayList<>(notes); }
}
