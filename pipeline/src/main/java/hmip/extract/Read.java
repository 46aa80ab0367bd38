package hmip.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link Reader} read, its notes (discrepancies and oddities, in the order met) and its gaps (what it
 * knows it could not read, or read only from a fallback: these make the document partial).
 */
record Read<T>(T value, List<String> notes, List<String> gaps) {
    Read {
        notes = List.copyOf(notes);
        gaps = List.copyOf(gaps);
    }

    static <T> Read<T> of(T value) { return new Read<>(value, List.of(), List.of()); }

    static <T> Read<T> of(T value, List<String> notes) { return new Read<>(value, notes, List.of()); }

    /** Collects notes without duplicates while a reader works; {@link #list()} hands them to a {@code Read}. */
    static final class Notes {
        private final java.util.Set<String> notes = new java.util.LinkedHashSet<>();

        void add(String note) { notes.add(note); }

        List<String> list() { return new ArrayList<>(notes); }
    }
}
