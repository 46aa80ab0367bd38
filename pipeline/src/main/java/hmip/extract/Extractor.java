package hmip.extract;

import hmip.model.Extraction;
import hmip.model.LaidOutDocument;

/** Turns one laid-out document into structured data. Implementations are pure functions of the document. */
public interface Extractor {
    Extraction extract(LaidOutDocument doc);
}
