package hmip.app;

import hmip.extract.InspectionExtractor;
import hmip.model.Extraction;
import hmip.model.LaidOutDocument;
import java.util.function.Function;

/** The extraction stage the CLI wires into ingest: one extractor, shared by all worker threads. */
final class Extractors {
    private Extractors() {}

    static Function<LaidOutDocument, Extraction> standard() {
        InspectionExtractor extractor = new InspectionExtractor();
        return extractor::extract;
    }
}
