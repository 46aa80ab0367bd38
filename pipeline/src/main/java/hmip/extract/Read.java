package hmip.extract;

import java.util.ArrayList;
import java.util.List;

/** What a {@link Reader} read, and its notes (discrepancies and oddities, in the order met). */
record Read<T>(T value, List<String> notes) {
    Read {
        notes = List.copyOf(notes);
    }

    static <T> Read<T> of(T value) { return new Read<>(value, List.of()); }

    static <T> Read<T> of(T value, List<String> notes) { return new Read<>(value, notes); }

    /** Collects notes without duplicates while a reader works; {@link #list()} hands them to a {@code Read}. */
    static final class Notes {
        private final java.util.Set<String> notes = new java.util.LinkedHashSet<>();

        void add(String note) { notes.add(note); }

        List<String> list() { return new ArrayList<>(notes); }
    }
}
