package hmip.pipeline;

import hmip.enrich.PassageEnrichment;
import hmip.model.DocumentStatus;
import hmip.model.DocumentValidation;
import hmip.model.Extraction;
import hmip.model.LaidOutDocument;
import hmip.parse.ParseFailure;
import hmip.parse.SourceFile;
import java.nio.file.Path;

/** What {@link Pipeline#process} made of one file: read, failed with a code, or unchanged since last time. */
public sealed interface PipelineResult {
    Path file();

    String docId();

    /** The file's bytes and hash, when it could be read at all. */
    SourceFile source();

    /**
     * Read through every stage, ready to load: the laid-out document, what was extracted, what validation
     * found, the status that says how completely it was read, and its passages with themes and facts
     * (null when the pipeline does not enrich).
     */
    record Processed(Path file, String docId, SourceFile source, LaidOutDocument document, Extraction extraction,
                     DocumentValidation validation, DocumentStatus status, PassageEnrichment.Result enrichment)
            implements PipelineResult {}

    /**
     * Could not be read: {@code code} is a {@link ParseFailure} name (EMPTY, CORRUPT, ENCRYPTED, TIMEOUT ...) or
     * {@link Pipeline#LAYOUT_ERROR} / {@link Pipeline#INTERNAL_ERROR}; {@code message} says what happened.
     */
    record Failed(Path file, String docId, SourceFile source, String code, String message) implements PipelineResult {
        /** The parse failure this code names, or null for a failure after parsing. */
        public ParseFailure parseFailure() {
            for (ParseFailure f : ParseFailure.values()) if (f.name().equals(code)) return f;
            return null;
        }
    }

    /** The same bytes were already read to a final answer; nothing was done. */
    record Unchanged(Path file, String docId, SourceFile source) implements PipelineResult {}
}
