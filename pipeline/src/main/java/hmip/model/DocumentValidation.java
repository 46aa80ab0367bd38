package hmip.model;

import java.util.List;

/** The validate stage's output for one document: check findings and how each printed unit name resolved. */
public record DocumentValidation(String docId, List<CheckFinding> findings, List<NameResolution> resolutions) {
    public DocumentValidation {
        findings = List.copyOf(findings);
        resolutions = List.copyOf(resolutions);
    }

    /** A printed name in its context (provider | recommendation | prose) and its resolution. */
    public record NameResolution(String context, Resolution resolution) {}
}
