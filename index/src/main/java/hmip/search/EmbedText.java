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
    SECTION;

    /** The style the project uses (chosen on the judged query set, index/README.md). */
    public static final EmbedText STANDARD = SECTION;

    public String of(Passage p) {
        if (this == TEXT) return p.text();
        StringBuilder sb = new StringBuilder();
        if ("recommendation".equals(p.kind()) && p.addressee() != null) sb.append("Recommendation to ").append(p.addressee());
        if (p.section() != null) {
            if (sb.length() > 0) sb.append(" (").append(p.section()).append(')');
            else sb.append(p.section());
        }
        return sb.length() == 0 ? p.text() : sb.append(": ").append(p.text()).toString();
    }

    /** The vector cache key of a passage under the standard style. */
    public static String sha(Passage p) {
        return Embedder.sha(STANDARD.of(p));
    }
}
