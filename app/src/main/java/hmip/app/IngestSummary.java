package hmip.app;

import java.util.List;

/** The result of an ingest run, as printed at its end and stored in {@code ingest_runs}. */
public record IngestSummary(int runId, List<FileOutcome> outcomes, long pages, double seconds) {
    public long count(FileOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }
}
