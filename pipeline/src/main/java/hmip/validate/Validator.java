package hmip.validate;

import hmip.model.CheckFinding;
import hmip.model.DocumentValidation;
import hmip.model.Resolution;
import hmip.model.Severity;
import hmip.reference.Reference;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The checks, in the order they report, with the reference data they share. */
public final class Validator {
    private static volatile Validator standard;
    private final Reference ref;
    private final ProviderNameCheck names;
    private final ProseRatingCheck prose;
    private final List<Check> checks;
    private final List<CrossDocumentCheck> crossChecks;

    public Validator(Reference ref) {
        this.ref = ref;
        this.names = new ProviderNameCheck(ref);
        this.prose = new ProseRatingCheck(ref);
        this.checks = List.of(new ScoreCheck(ref), new BandCheck(ref), new StandardsCoverageCheck(ref),
                new IdenticalTablesCheck(ref), names, prose, new RecommendationsCheck());
        this.crossChecks = List.of(new ReportVsLetterCheck(ref), new StatedRatingCheck(ref));
    }

    public static Validator standard() {
        if (standard == null) {
            synchronized (Validator.class) {
                if (standard == null) standard = new Validator(Reference.bundled());
            }
        }
        return standard;
    }

    public Reference reference() { return ref; }

    public List<Check> checks() { return checks; }

    public List<CrossDocumentCheck> crossChecks() { return crossChecks; }

    /** Runs every per-document check. A check that throws yields a 'check-failed' finding, not a failed ingest. */
    public DocumentValidation validate(DocumentInput input) {
        List<CheckFinding> findings = new ArrayList<>();
        for (Check c : checks) {
            try {
                findings.addAll(c.run(input));
            } catch (RuntimeException e) {
                findings.add(CheckFinding.of("check-failed", Severity.WARNING, input.docId()).value("check", c.name())
                        .message("check " + c.name() + " failed: " + e));
            }
        }
        List<DocumentValidation.NameResolution> res = new ArrayList<>();
        try {
            for (Map.Entry<String, Map<String, Resolution>> ctx : names.resolutions(input.extraction()).entrySet()) {
                for (Resolution r : ctx.getValue().values()) res.add(new DocumentValidation.NameResolution(ctx.getKey(), r));
            }
            for (Resolution r : prose.resolutions(input).values()) res.add(new DocumentValidation.NameResolution("prose", r));
            // units of a press release's stated ratings (compared with reports by StatedRatingCheck)
            for (hmip.model.StatedRating s : input.extraction().statedRatings()) {
                Resolution r = StatedRatingCheck.resolve(ref.gazetteer(), s);
                if (res.stream().noneMatch(n -> n.context().equals("stated") && n.resolution().printed().equals(r.printed()))) {
                    res.add(new DocumentValidation.NameResolution("stated", r));
                }
            }
        } catch (RuntimeException e) {
            // resolutions are derived data; the findings above already report any failure of the same code
        }
        return new DocumentValidation(input.docId(), findings, res);
    }

    /** Runs every cross-document check over the warehouse. */
    public List<CheckFinding> crossDocument(Connection warehouse) throws SQLException {
        List<CheckFinding> out = new ArrayList<>();
        for (CrossDocumentCheck c : crossChecks) out.addAll(c.run(warehouse));
        return out;
    }
}
