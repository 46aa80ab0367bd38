package hmip.validate;

import hmip.model.CheckFinding;
import hmip.model.Resolution;
import hmip.model.Severity;
import hmip.reference.Gazetteer;
import hmip.reference.Reference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A PDU's own report against the regional letter that covers it (same unit through the gazetteer). Ids:
 * {@code pdu-letter-rating-differs} (warning: a standard, the overall rating or the score differs; a standard
 * printed 'Not rated' in one and absent from the other counts as agreeing), {@code pdu-letter-recommendation-missing}
 * (warning: a recommendation printed in one and not the other), {@code pdu-letter-recommendation-differs}
 * (warning when the texts differ substantially, info for small wording differences such as 'focusing' /
 * 'focussing').
 */
public final class ReportVsLetterCheck implements CrossDocumentCheck {
    static final double SAME_REC = 0.80, MINOR = 0.90;
    private final Reference ref;

    public ReportVsLetterCheck(Reference ref) { this.ref = ref; }

    @Override public String name() { return "pdu-vs-letter"; }

    private record Unit(String docId, String docType, String framework, String printed, Integer points, Integer max,
                        String overall, Integer page) {}

    private record Rec(String printedProvider, String addresseeLevel, Integer number, String text, Integer page) {}

    @Override
    public List<CheckFinding> run(Connection conn) throws SQLException {
        Map<String, List<Unit>> byUnit = new LinkedHashMap<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT p.doc_id, d.doc_type, d.framework, p.provider, "
                + "p.score_points, p.score_max, p.overall_rating, p.page, p.provider_type FROM providers p "
                + "JOIN documents d ON d.doc_id = p.doc_id WHERE d.status = 'ok' ORDER BY p.doc_id, p.provider");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Resolution r = ref.gazetteer().resolve(rs.getString(4), Gazetteer.kindOfProviderType(rs.getString(9)));
                if (!r.resolved() || !Gazetteer.PDU.equals(r.kind())) continue; // unresolved names are reported per document
                byUnit.computeIfAbsent(r.canonicalName(), k -> new ArrayList<>()).add(new Unit(rs.getString(1),
                        rs.getString(2), rs.getString(3), rs.getString(4), (Integer) rs.getObject(5),
                        (Integer) rs.getObject(6), rs.getString(7), (Integer) rs.getObject(8)));
            }
        }
        List<CheckFinding> out = new ArrayList<>();
        for (Map.Entry<String, List<Unit>> e : byUnit.entrySet()) {
            for (Unit report : e.getValue()) {
                // a framework's report on one unit against its summary of several (a PDU report and its regional letter)
                var framework = ref.framework(report.framework());
                if (framework.isEmpty() || framework.get().multiUnitDocType() == null
                        || !report.docType().equals(framework.get().docType())) continue;
                for (Unit letter : e.getValue()) {
                    if (!letter.docType().equals(framework.get().multiUnitDocType())) continue;
                    if (!Objects.equals(report.framework(), letter.framework())) continue;
                    compareRatings(conn, e.getKey(), report, letter, out);
                    compareRecommendations(conn, e.getKey(), report, letter, out);
                }
            }
        }
        return out;
    }

    private void compareRatings(Connection conn, String unit, Unit report, Unit letter, List<CheckFinding> out)
            throws SQLException {
        Map<String, String> a = ratings(conn, report), b = ratings(conn, letter);
        Map<String, Integer> pages = pages(conn, letter);
        for (String std : new TreeSet<>(concatKeys(a, b))) {
            String ra = a.getOrDefault(std, Reference.NOT_RATED), rb = b.getOrDefault(std, Reference.NOT_RATED);
            if (ra.equals(rb)) continue;
            out.add(CheckFinding.cross("pdu-letter-rating-differs", Severity.WARNING, letter.docId(), report.docId())
                    .at(pages.get(std), null, null).provider(letter.printed()).standard(std).value("unit", unit)
                    .value("report_doc", report.docId()).value("report_rating", a.get(std))
                    .value("letter_doc", letter.docId()).value("letter_rating", b.get(std))
                    .message(unit + " " + std + ": the PDU report (" + report.docId() + ") says '" + a.getOrDefault(std, "not printed")
                            + "', the regional letter says '" + b.getOrDefault(std, "not printed") + "'"));
        }
        Optional<String> oa = ref.normaliseRating(report.overall()), ob = ref.normaliseRating(letter.overall());
        if (oa.isPresent() && ob.isPresent() && !oa.equals(ob)) {
            out.add(CheckFinding.cross("pdu-letter-rating-differs", Severity.WARNING, letter.docId(), report.docId())
                    .at(letter.page(), null, null).provider(letter.printed()).standard("overall").value("unit", unit)
                    .value("report_rating", oa.get()).value("letter_rating", ob.get())
                    .message(unit + " overall: the PDU report says '" + oa.get() + "', the regional letter '" + ob.get() + "'"));
        }
        if (report.points() != null && letter.points() != null
                && (!report.points().equals(letter.points()) || !Objects.equals(report.max(), letter.max()))) {
            out.add(CheckFinding.cross("pdu-letter-rating-differs", Severity.WARNING, letter.docId(), report.docId())
                    .at(letter.page(), null, null).provider(letter.printed()).standard("score").value("unit", unit)
                    .value("report_score", report.points() + "/" + report.max())
                    .value("letter_score", letter.points() + "/" + letter.max())
                    .message(unit + " score: the PDU report prints " + report.points() + "/" + report.max()
                            + ", the regional letter " + letter.points() + "/" + letter.max()));
        }
    }

    private Map<String, String> ratings(Connection conn, Unit u) throws SQLException {
        Map<String, String> m = new LinkedHashMap<>();
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT standard, rating FROM ratings WHERE doc_id = ? AND provider = ? ORDER BY standard");
             ResultSet rs = bind(ps, u.docId(), u.printed()).executeQuery()) {
            while (rs.next()) {
                String std = rs.getString(1);
                if (!ref.standard(u.framework(), std).map(Reference.Standard::rated).orElse(true)) continue;
                m.putIfAbsent(std, ref.normaliseRating(rs.getString(2)).orElse(rs.getString(2)));
            }
        }
        return m;
    }

    private Map<String, Integer> pages(Connection conn, Unit u) throws SQLException {
        Map<String, Integer> m = new LinkedHashMap<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT standard, page FROM ratings WHERE doc_id = ? AND provider = ?");
             ResultSet rs = bind(ps, u.docId(), u.printed()).executeQuery()) {
            while (rs.next()) m.putIfAbsent(rs.getString(1), (Integer) rs.getObject(2));
        }
        return m;
    }

    private List<Rec> recommendations(Connection conn, String unit, String docId) throws SQLException {
        List<Rec> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT provider, addressee_level, number, text, page "
                + "FROM recommendations WHERE doc_id = ? ORDER BY rec_id");
             ResultSet rs = bind(ps, docId).executeQuery()) {
            while (rs.next()) {
                Resolution r = ref.gazetteer().resolve(String.valueOf(rs.getString(1)), Gazetteer.PDU);
                if (r.resolved() && r.canonicalName().equals(unit)) {
                    out.add(new Rec(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3), rs.getString(4),
                            (Integer) rs.getObject(5)));
                }
            }
        }
        return out;
    }

    private void compareRecommendations(Connection conn, String unit, Unit report, Unit letter, List<CheckFinding> out)
            throws SQLException {
        List<Rec> a = recommendations(conn, unit, report.docId()), b = recommendations(conn, unit, letter.docId());
        if (a.isEmpty() || b.isEmpty()) return; // one side prints none: nothing to reconcile
        List<Rec> unmatched = new ArrayList<>(b);
        for (Rec ra : a) {
            Rec best = null;
            double bestSim = 0;
            for (Rec rb : unmatched) {
                double s = TextSimilarity.similarity(ra.text(), rb.text());
                if (s > bestSim) { bestSim = s; best = rb; }
            }
            if (best == null || bestSim < SAME_REC) {
                out.add(CheckFinding.cross("pdu-letter-recommendation-missing", Severity.WARNING, letter.docId(), report.docId())
                        .at(ra.page(), null, null).provider(letter.printed()).value("unit", unit)
                        .value("in", report.docId()).value("number", ra.number()).value("text", ra.text())
                        .message(unit + ": recommendation " + ra.number() + " of the PDU report is not in the regional letter"));
                continue;
            }
            unmatched.remove(best);
            if (bestSim == 1.0) continue;
            boolean minor = bestSim >= MINOR;
            out.add(CheckFinding.cross("pdu-letter-recommendation-differs", minor ? Severity.INFO : Severity.WARNING,
                            letter.docId(), report.docId()).at(best.page(), null, null).provider(letter.printed())
                    .value("unit", unit).value("similarity", Math.round(bestSim * 1000) / 1000.0)
                    .value("report_number", ra.number()).value("report_text", ra.text())
                    .value("letter_number", best.number()).value("letter_text", best.text())
                    .message(unit + ": recommendation " + ra.number() + " reads " + (minor ? "slightly " : "")
                            + "differently in the regional letter (" + best.number() + ")"));
        }
        for (Rec rb : unmatched) {
            out.add(CheckFinding.cross("pdu-letter-recommendation-missing", Severity.WARNING, letter.docId(), report.docId())
                    .at(rb.page(), null, null).provider(letter.printed()).value("unit", unit)
                    .value("in", letter.docId()).value("number", rb.number()).value("text", rb.text())
                    .message(unit + ": recommendation " + rb.number() + " of the regional letter is not in the PDU report"));
        }
    }

    private static java.util.Set<String> concatKeys(Map<String, String> a, Map<String, String> b) {
        java.util.Set<String> s = new java.util.LinkedHashSet<>(a.keySet());
        s.addAll(b.keySet());
        return s;
    }

    private static PreparedStatement bind(PreparedStatement ps, String... values) throws SQLException {
        for (int i = 0; i < values.length; i++) ps.setString(i + 1, values[i]);
        return ps;
    }
}
