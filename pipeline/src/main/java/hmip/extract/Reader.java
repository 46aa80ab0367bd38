package hmip.extract;

/**
 * One extraction sub-step: reads one kind of content (document facts, ratings, key questions,
 * recommendations, findings) from the document as the {@link ExtractionContext} presents it. Readers are
 * pure functions of the context; what they read goes into the returned {@link Read}, with notes in plain
 * words on anything odd they met. A reader that throws loses only its own values (see
 * {@link InspectionExtractor}).
 */
interface Reader<T> {
    /** What the reader reads, in plain words ("ratings", "key questions"), for notes about it. */
    String name();

    Read<T> read(ExtractionContext context);
}
