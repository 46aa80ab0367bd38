package hmip.app;

import hmip.load.Corrections;
import java.util.List;

/**
 * The result of an ingest run, as printed at its end and stored in {@code ingest_runs}, with what became of
 * each analyst correction.
 */
public record IngestSummary(int runId, List<FileOutcome> outcomes, long pages, double seconds,
                            List<Corrections.Outcome> corrections) {
    public IngestSummary {
        corrections = corrections == null ? List.of() : List.copyOf(corrections);
    }

    public long count(FileOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }
}
