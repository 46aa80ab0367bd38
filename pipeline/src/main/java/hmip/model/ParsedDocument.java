package hmip.model;

import java.util.List;
import java.util.Map;

/**
 * A source file turned into pages. {@code docId} is the file stem, {@code sha256} identifies the bytes.
 */
public record ParsedDocument(String docId, String path, String sha256, String mediaType,
                             List<Page> pages, Map<String, String> metadata) {
    public ParsedDocument {
        pages = List.copyOf(pages);
        metadata = Map.copyOf(metadata);
    }

    public int pageCount() { return pages.size(); }
}
