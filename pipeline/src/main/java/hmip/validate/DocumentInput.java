package hmip.validate;

import hmip.model.Extraction;
import hmip.model.LaidOutDocument;
import java.util.List;

/** What a per-document check sees: the extraction and the page text it came from. */
public record DocumentInput(Extraction extraction, List<PageText> pages) {
    public DocumentInput {
        pages = List.copyOf(pages);
    }

    public static DocumentInput of(LaidOutDocument doc, Extraction ex) {
        return new DocumentInput(ex, doc == null ? List.of()
                : doc.pages().stream().map(p -> new PageText(p.number(), p.text())).toList());
    }

    public String docId() { return extraction.docId(); }
}
