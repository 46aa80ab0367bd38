package hmip.model;

import java.util.List;

/** The whole document after layout, pages in order. */
public record LaidOutDocument(ParsedDocument source, List<LaidOutPage> pages) {
    public LaidOutDocument {
        pages = List.copyOf(pages);
    }

    public String docId() { return source.docId(); }

    /** All body lines of all pages, in reading order. */
    public List<Line> lines() {
        return pages.stream().flatMap(p -> p.lines().stream()).toList();
    }

    /** All body blocks of all pages, in reading order. */
    public List<Block> blocks() {
        return pages.stream().flatMap(p -> p.blocks().stream()).toList();
    }
}
