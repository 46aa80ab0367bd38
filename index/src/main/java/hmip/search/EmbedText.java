package hmip.search;

import hmip.model.Passage;

/**
 * The text the embedding model sees for a passage: the passage with its context, so that a short passage
 * ("Adequate plans were not always in place to address domestic abuse.") carries its section's topic and a
 * recommendation its addressee. Vectors are cached under the SHA-256 of this text ({@link #sha}), so a change
 * of context re-embeds exactly the passages it changes.
 */
public enum EmbedText {
    /** The passage text alone. */
    TEXT,
    /** "section path: text", and for a recommendation "Recommendation to ADDRESSEE (section): text". */
    SECTION,
    /** As SECTION with only the innermost heading of the path (fewer tokens to embed). */
    HEADING;

    /**
     * The style the project uses: the innermost heading, which the judged query set scored as high as the whole
     * path (nDCG@10 0.679 vs 0.682, text alone 0.678) for 12 % more tokens than the text alone instead of 31 %
     * (embedding throughput, docs/BENCHMARK.md).
     */
    public static final EmbedText STANDARD = HEADING;

    public String of(Passage p) {
        if (this == TEXT) return p.text();
        StringBuilder sb = new StringBuilder();
        if ("recommendation".equals(p.kind()) && p.addressee() != null) sb.append("Recommendation to ").append(p.addressee());
        String section = p.section();
        if (section != null && this == HEADING && section.contains(" > ")) section = section.substring(section.lastIndexOf(" > ") + 3);
        if (section != null) {
            if (sb.length() > 0) sb.append(" (").append(section).append(')');
            else sb.append(section);
        }
        return sb.length() == 0 ? p.text() : sb.append(": ").append(p.text()).toString();
    }

    /** The vector cache key of a passage under the standard style. */
    public static String sha(Passage p) {
        return Embedder.sha(STANDARD.of(p));
    }
}
