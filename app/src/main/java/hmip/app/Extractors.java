package hmip.app;

import hmip.model.Extraction;
import hmip.model.LaidOutDocument;
import java.util.function.Function;

/** The extraction stage the CLI wires into ingest. */
final class Extractors {
    private Extractors() {}

    static Function<LaidOutDocument, Extraction> standard() {
        // Until the structured extractor lands, every document loads with its layout and no extraction.
        return doc -> Extraction.other(doc.docId(), doc.source().metadata().get("title"));
    }
}
