package hmip.validate;

import hmip.model.CheckFinding;
import hmip.model.Resolution;
import hmip.model.Severity;
import hmip.model.StatedRating;
import hmip.reference.Gazetteer;
import hmip.reference.Reference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Ratings stated in press releases and landing pages ({@code stated_ratings}) against the ratings extracted from
 * reports ({@code providers}) for the same inspection: the same unit through the gazetteer, and of that unit's
 * extracted inspections the one published closest to the statement (within {@link #SAME_INSPECTION_DAYS}; an
 * inspection further away is another one, whose report is not ingested). Ids, all scope 'cross' under the press
 * release with the report in {@code related_doc_id}: {@code stated-rating-differs} (warning: another overall
 * rating), {@code stated-score-differs} (warning: another score, both printed), {@code stated-provider-unresolved}
 * (warning: the stated unit matches no gazetteer entry, or several, so it cannot be compared),
 * {@code stated-rating-unmatched} (info: no dates to tell which of the unit's several inspections it is).
 * Agreement and statements with no extracted inspection yet raise nothing (the trend table
 * {@code stated_vs_extracted_ratings} lists them).
 */
public final class StatedRatingCheck implements CrossDocumentCheck {
    /** A press release comes out with its report; half a year apart is another inspection. */
    static final long SAME_INSPECTION_DAYS = 183;
    private final Reference ref;

    public StatedRatingCheck(Reference ref) { this.ref = ref; }

    @Override public String name() { return "stated-vs-extracted"; }

    /** How a stated unit resolves: its name and type words, reported under the name as printed. */
    public static Resolution resolve(Gazetteer gazetteer, StatedRating s) {
        Resolution r = gazetteer.resolve(s.unit() != null ? s.unit() : s.provider(), Gazetteer.kindOfProviderType(s.providerType()));
        return new Resolution(s.provider(), r.key(), r.status(), r.kind(), r.canonicalName(), r.region(), r.npsDivision());
    }

    private record Stated(String docId, String provider, String unit, String type, String rating, Integer points,
                          Integer max, Integer page, Integer start, Integer end, LocalDate date) {}

    private record Extracted(String docId, String docType, String provider, String rating, Integer points, Integer max,
                             LocalDate date) {}

    @Override
    public List<CheckFinding> run(Connection conn) throws SQLException {
        Map<String, List<Extracted>> byUnit = new LinkedHashMap<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT p.doc_id, d.doc_type, p.provider, p.provider_type, "
                + "p.overall_rating, p.score_points, p.score_max, coalesce(d.published, d.source_published, p.fieldwork_started) "
                + "FROM providers p JOIN documents d ON d.doc_id = p.doc_id WHERE d.status = 'ok' ORDER BY p.doc_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Resolution r = ref.gazetteer().resolve(rs.getString(3), Gazetteer.kindOfProviderType(rs.getString(4)));
                if (!r.resolved()) continue; // reported per document by ProviderNameCheck
                byUnit.computeIfAbsent(r.kind() + '\t' + r.canonicalName(), k -> new ArrayList<>())
                        .add(new Extracted(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(5),
                                (Integer) rs.getObject(6), (Integer) rs.getObject(7), date(rs.getString(8))));
            }
        }
        List<CheckFinding> out = new ArrayList<>();
        for (Stated s : stated(conn)) {
            Resolution r = resolve(ref.gazetteer(),
                    new StatedRating(s.provider(), s.unit(), s.type(), s.rating(), null, null, null, null));
            if (!r.resolved()) {
                out.add(CheckFinding.cross("stated-provider-unresolved", Severity.WARNING, s.docId(), null)
                        .at(s.page(), s.start(), s.end()).provider(s.provider()).value("printed", s.provider())
                        .value("unit", s.unit()).value("resolution", r.status()).value("stated_rating", s.rating())
                        .message("the stated rating of '" + s.provider() + "' cannot be compared: '" + s.unit() + "' "
                                + ProviderNameCheck.describe(r) + " in the gazetteer"));
                continue;
            }
            List<Extracted> candidates = byUnit.getOrDefault(r.kind() + '\t' + r.canonicalName(), List.of());
            sameInspection(s, candidates, r, out).ifPresent(e -> compare(s, e, r, out));
        }
        return out;
    }

    /** The unit's extracted inspection this statement is about, if one is ingested. */
    private Optional<Extracted> sameInspection(Stated s, List<Extracted> candidates, Resolution r, List<CheckFinding> out) {
        if (candidates.isEmpty()) return Optional.empty();
        if (s.date() == null || candidates.stream().anyMatch(c -> c.date() == null)) {
            if (candidates.size() == 1) return Optional.of(candidates.get(0));
            out.add(CheckFinding.cross("stated-rating-unmatched", Severity.INFO, s.docId(), null)
                    .at(s.page(), s.start(), s.end()).provider(s.provider()).value("unit", r.canonicalName())
                    .value("inspections", candidates.stream().map(Extracted::docId).distinct().toList())
                    .message("'" + s.provider() + "' is rated in " + candidates.size() + " extracted inspections and the "
                            + "dates do not say which one the statement is about; not compared"));
            return Optional.empty();
        }
        // closest publication date; the unit's own report before a regional letter repeating it
        Extracted best = candidates.stream().min(Comparator
                .comparingLong((Extracted c) -> Math.abs(ChronoUnit.DAYS.between(s.date(), c.date())))
                .thenComparing(c -> isSummary(c.docType()))).orElseThrow();
        if (Math.abs(ChronoUnit.DAYS.between(s.date(), best.date())) > SAME_INSPECTION_DAYS) return Optional.empty();
        return Optional.of(best);
    }

    /** A document summarising several units (a regional letter) in any framework. */
    private boolean isSummary(String docType) {
        return ref.frameworks().stream().anyMatch(f -> docType.equals(f.multiUnitDocType()));
    }

    private void compare(Stated s, Extracted e, Resolution r, List<CheckFinding> out) {
        Optional<String> extracted = ref.normaliseRating(e.rating());
        if (extracted.isPresent() && !extracted.get().equals(s.rating())) {
            out.add(CheckFinding.cross("stated-rating-differs", Severity.WARNING, s.docId(), e.docId())
                    .at(s.page(), s.start(), s.end()).provider(s.provider()).standard("overall")
                    .value("unit", r.canonicalName()).value("stated_rating", s.rating())
                    .value("extracted_rating", e.rating()).value("report_doc", e.docId())
                    .value("report_provider", e.provider())
                    .message(r.canonicalName() + ": the press release states '" + s.rating() + "', the report ("
                            + e.docId() + ") was read as '" + e.rating() + "'"));
        }
        if (s.points() != null && e.points() != null
                && (!s.points().equals(e.points()) || !Objects.equals(s.max(), e.max()))) {
            out.add(CheckFinding.cross("stated-score-differs", Severity.WARNING, s.docId(), e.docId())
                    .at(s.page(), s.start(), s.end()).provider(s.provider()).standard("score")
                    .value("unit", r.canonicalName()).value("stated_score", s.points() + "/" + s.max())
                    .value("extracted_score", e.points() + "/" + e.max()).value("report_doc", e.docId())
                    .message(r.canonicalName() + ": the press release states a score of " + s.points() + "/" + s.max()
                            + ", the report (" + e.docId() + ") prints " + e.points() + "/" + e.max()));
        }
    }

    private static List<Stated> stated(Connection conn) throws SQLException {
        List<Stated> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT s.doc_id, s.provider, s.unit, s.provider_type, s.rating, "
                + "s.score_points, s.score_max, s.page, s.span_start, s.span_end, coalesce(d.published, d.source_published) "
                + "FROM stated_ratings s JOIN documents d ON d.doc_id = s.doc_id WHERE d.status = 'ok' "
                + "ORDER BY s.doc_id, s.page, s.span_start");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Stated(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        (Integer) rs.getObject(6), (Integer) rs.getObject(7), (Integer) rs.getObject(8),
                        (Integer) rs.getObject(9), (Integer) rs.getObject(10), date(rs.getString(11))));
            }
        }
        return out;
    }

    /** "2023-07-27", "2023-07" (first of the month) or "2023" (1 July); null otherwise. */
    static LocalDate date(String printed) {
        if (printed == null) return null;
        String s = printed.strip();
        try {
            if (s.matches("\\d{4}-\\d{2}-\\d{2}")) return LocalDate.parse(s);
            if (s.matches("\\d{4}-\\d{2}")) return LocalDate.parse(s + "-01");
            if (s.matches("\\d{4}")) return LocalDate.of(Integer.parseInt(s), 7, 1);
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }
}
