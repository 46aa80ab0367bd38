package hmip.app;

import hmip.model.DocumentStatus;
import java.nio.file.Path;

/**
 * What happened to one input file in an ingest run. {@code errorCode} is set for FAILED files, and for
 * UNCHANGED files that failed in an earlier run (with that run's message). {@code status} says how
 * completely a LOADED file was read (null otherwise).
 */
public record FileOutcome(Path path, String docId, Status status, String errorCode, String message, int pages,
                          DocumentStatus documentStatus) {
    public enum Status { LOADED, FAILED, UNCHANGED }

    public FileOutcome(Path path, String docId, Status status, String errorCode, String message, int pages) {
        this(path, docId, status, errorCode, message, pages, null);
    }

    /** Loaded, but read only in part: the reasons are in {@link #documentStatus()}. */
    public boolean partial() {
        return status == Status.LOADED && documentStatus != null && DocumentStatus.PARTIAL.equals(documentStatus.level());
    }
}
