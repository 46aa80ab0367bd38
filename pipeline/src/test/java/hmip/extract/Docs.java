package hmip.extract;

import hmip.layout.StandardLayout;
import hmip.model.Box;
import hmip.model.Extraction;
import hmip.model.LaidOutDocument;
import hmip.model.Page;
import hmip.model.ParsedDocument;
import hmip.model.Provider;
import hmip.model.TextLine;
import hmip.reference.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small synthetic documents for rule tests: converted text (no geometry) or PDF-like pages with positions. */
final class Docs {
    private Docs() {}

    /** One geometry-less page, as a text converter would give it. */
    static LaidOutDocument text(String... lines) {
        List<TextLine> tl = new ArrayList<>();
        for (String l : lines) tl.add(TextLine.plain(l));
        return layOut(List.of(new Page(1, 0, 0, tl, false)), "text/plain");
    }

    /** PDF-like pages: each string is a line; a leading "**" marks a bold line. Lines are 14pt apart at 11pt. */
    @SafeVarargs
    static LaidOutDocument pdf(List<String>... pages) {
        List<Page> out = new ArrayList<>();
        for (int p = 0; p < pages.length; p++) {
            List<TextLine> tl = new ArrayList<>();
            float y = 72;
            for (String l : pages[p]) {
                boolean bold = l.startsWith("**");
                String t = bold ? l.substring(2) : l;
                tl.add(new TextLine(t, new Box(72, y, Math.min(450, t.length() * 5f), 11), 11f, bold, false));
                y += 14;
            }
            out.add(new Page(p + 1, 595, 842, tl, false));
        }
        return layOut(out, "application/pdf");
    }

    private static LaidOutDocument layOut(List<Page> pages, String type) {
        ParsedDocument doc = new ParsedDocument("test_doc", "test", "0", type, pages, Map.of());
        return new StandardLayout().layOut(doc);
    }

    static Extraction extract(LaidOutDocument doc) {
        return new InspectionExtractor(Reference.bundled()).extract(doc);
    }

    /**
     * What a reader sees of {@code doc} once the document is known to be printed in {@code framework} and to
     * report on one unit ({@code singleProvider}; null for a multi-unit document).
     */
    static ExtractionContext context(LaidOutDocument doc, String framework, String singleProvider) {
        Reference ref = Reference.bundled();
        DocumentFacts facts = new DocumentFacts(true, ref.framework(framework).orElseThrow(), null, null, null, singleProvider == null);
        List<Provider> units = singleProvider == null ? List.of()
                : List.of(new Provider(singleProvider, "PDU", null, null, null, List.of(), null));
        return ExtractionContext.of(new DocumentText(doc), ref).withFacts(facts)
                .withRatings(new RatingsReader.Ratings(units, java.util.Set.of(), singleProvider == null));
    }
}
