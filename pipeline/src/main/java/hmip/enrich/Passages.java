package hmip.enrich;

import hmip.model.Block;
import hmip.model.BlockKind;
import hmip.model.Extraction;
import hmip.model.Finding;
import hmip.model.LaidOutDocument;
import hmip.model.Passage;
import hmip.model.Provenance;
import hmip.model.Recommendation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a laid-out, extracted document into passages: every body block (headings are too short to be
 * worth ranking and are left out), every recommendation and every finding, each with the document's
 * facets so filters need no join, and its context: the section heading path it sits under
 * ({@link SectionPaths}) and a recommendation's addressee as printed. Themes are added by
 * {@link PassageEnrichment}.
 */
public final class Passages {
    private Passages() {}

    public static List<Passage> of(LaidOutDocument doc, Extraction ex) {
        String year = ex.published() == null || ex.published().length() < 4 ? null : ex.published().substring(0, 4);
        // body text of a report on one inspected unit belongs to it; a letter's or a division's is shared
        String docProvider = ex.providers().size() == 1 ? ex.providers().get(0).name() : null;
        List<String> structured = new ArrayList<>();
        for (Recommendation r : ex.recommendations()) structured.add(norm(r.text()));
        for (Finding f : ex.findings()) structured.add(norm(f.text()));
        List<Passage> out = new ArrayList<>();
        List<Block> blocks = doc.blocks();
        SectionPaths sections = new SectionPaths(blocks);
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (b.kind() == BlockKind.HEADING || b.text().isBlank()) continue;
            if (covered(norm(b.text()), structured)) continue; // the recommendation or finding passage stands for it
            out.add(new Passage(doc.docId() + "#p" + b.page() + "b" + b.ordinal(), doc.docId(), b.page(), b.start(),
                    b.end(), b.kind().name().toLowerCase(Locale.ROOT), b.text(), ex.title(), ex.docType(), ex.region(),
                    year, docProvider, ex.framework(), null, List.of(), sections.of(i), null));
        }
        int n = 0;
        for (Recommendation r : ex.recommendations()) {
            Provenance p = r.provenance();
            out.add(new Passage(doc.docId() + "#r" + (++n), doc.docId(), page(p), start(p), end(p), Passage.RECOMMENDATION,
                    r.text(), ex.title(), ex.docType(), ex.region(), year, r.provider(), ex.framework(),
                    r.addresseeLevel(), List.of(), p == null ? null : sections.at(p.page(), p.start()), r.addressee()));
        }
        n = 0;
        for (Finding f : ex.findings()) {
            Provenance p = f.provenance();
            out.add(new Passage(doc.docId() + "#f" + (++n), doc.docId(), page(p), start(p), end(p), Passage.FINDING,
                    f.text(), ex.title(), ex.docType(), ex.region(), year, f.provider(), ex.framework(), null,
                    List.of(), p == null ? null : sections.at(p.page(), p.start()), null));
        }
        return out;
    }

    /**
     * A block that prints a recommendation or finding (or part of one split across pages) would only
     * duplicate it in the results.
     */
    static boolean covered(String block, List<String> structured) {
        if (block.length() < 20) return false;
        for (String s : structured) {
            if (s.length() < 20) continue;
            if (s.equals(block) || (block.contains(s) && s.length() >= 0.8 * block.length())
                    || (s.contains(block) && block.length() >= 0.3 * s.length())) {
                return true;
            }
        }
        return false;
    }

    /** Lower-case words and numbers, list markers ("2.", "•") at the start dropped. */
    static String norm(String text) {
        String t = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        return t.replaceFirst("^\\d{1,2} ", "");
    }

    private static int page(Provenance p) { return p == null ? 0 : p.page(); }

    private static int start(Provenance p) { return p == null ? 0 : p.start(); }

    private static int end(Provenance p) { return p == null ? 0 : p.end(); }
}
