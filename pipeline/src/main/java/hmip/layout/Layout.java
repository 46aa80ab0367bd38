package hmip.layout;

import hmip.model.LaidOutDocument;
import hmip.model.ParsedDocument;

/** Turns parsed pages into body text, lines and blocks with stable character spans. */
public interface Layout {
    LaidOutDocument layOut(ParsedDocument document);
}
