package hmip.app;

import java.nio.file.Path;

/**
 * What happened to one input file in an ingest run. {@code errorCode} is set for FAILED files, and for
 * UNCHANGED files that failed in an earlier run (with that run's message).
 */
public record FileOutcome(Path path, String docId, Status status, String errorCode, String message, int pages) {
    public enum Status { LOADED, FAILED, UNCHANGED }
}
