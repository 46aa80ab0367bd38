package hmip.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One result of a check. {@code scope} is "document" for a finding about one document alone and "cross" for
 * one that compares documents ({@code relatedDocId} names the other). {@code explained} is true when the
 * document itself accounts for the discrepancy (professional discretion, an unrated standard). Page and span
 * are null when the value carries no provenance. {@code values} holds the values involved, as printed.
 */
public record CheckFinding(String scope, String checkId, Severity severity, boolean explained, String docId,
                           Integer page, Integer spanStart, Integer spanEnd, String provider, String standard,
                           String message, Map<String, Object> values, String relatedDocId) {
    public static final String DOCUMENT = "document";
    public static final String CROSS = "cross";

    public CheckFinding {
        values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** True for findings that should alarm a reader: unexplained errors and warnings. */
    public boolean alarming() { return !explained && severity != Severity.INFO; }

    /** Starts a document-scoped finding. */
    public static Builder of(String checkId, Severity severity, String docId) {
        return new Builder(DOCUMENT, checkId, severity, docId);
    }

    /** Starts a cross-document finding. */
    public static Builder cross(String checkId, Severity severity, String docId, String relatedDocId) {
        Builder b = new Builder(CROSS, checkId, severity, docId);
        b.related = relatedDocId;
        return b;
    }

    /** Collects the optional parts of a finding. */
    public static final class Builder {
        private final String scope, checkId, docId;
        private Severity severity;
        private boolean explained;
        private Integer page, start, end;
        private String provider, standard, related;
        private final Map<String, Object> values = new LinkedHashMap<>();

        private Builder(String scope, String checkId, Severity severity, String docId) {
            this.scope = scope;
            this.checkId = checkId;
            this.severity = severity;
            this.docId = docId;
        }

        public Builder explained(boolean e) { explained = e; return this; }
        public Builder severity(Severity s) { severity = s; return this; }
        public Builder provider(String p) { provider = p; return this; }
        public Builder standard(String s) { standard = s; return this; }
        public Builder value(String k, Object v) { values.put(k, v); return this; }

        public Builder at(hmip.model.Provenance p) {
            if (p != null) { page = p.page(); start = p.start(); end = p.end(); }
            return this;
        }

        public Builder at(Integer page, Integer start, Integer end) {
            this.page = page; this.start = start; this.end = end;
            return this;
        }

        public CheckFinding message(String message) {
            return new CheckFinding(scope, checkId, severity, explained, docId, page, start, end, provider, standard,
                    message, values, related);
        }
    }
}
