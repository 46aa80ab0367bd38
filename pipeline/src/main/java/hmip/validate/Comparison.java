package hmip.validate;

import hmip.model.Resolution;
import hmip.reference.Gazetteer;
import hmip.reference.Reference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The 2018 NPS division against the 2021+ PDUs of the regions it became, standard by standard, from the
 * {@code ratings_comparable} view. Rows are canonical standards; for each, the division's rating and, per region,
 * how many of its PDUs got each rating. A PDU rated in several documents counts once: its own PDU report first,
 * then the most recently published document.
 */
public final class Comparison {
    /** Rating order of the distribution columns. */
    public static final List<String> RATINGS = List.of("Outstanding", "Good", "Requires improvement", "Inadequate",
            Reference.NOT_RATED);

    public record Row(String canonicalStandard, String name, String divisionRating,
                      Map<String, Map<String, Integer>> byRegion, Map<String, List<String>> pdusByRegion) {
        /** "RI 3, I 2" style distribution for one region; "-" when none of its PDUs has a rating. */
        public String distribution(String region) {
            Map<String, Integer> d = byRegion.getOrDefault(region, Map.of());
            List<String> parts = new ArrayList<>();
            for (String r : RATINGS) if (d.getOrDefault(r, 0) > 0) parts.add(abbreviation(r) + " " + d.get(r));
            return parts.isEmpty() ? "-" : String.join(", ", parts);
        }
    }

    public record Table(String division, List<String> divisionDocs, Set<String> divisionYears, List<String> regions,
                        Map<String, Set<String>> pdus, Map<String, Set<String>> years, List<Row> rows) {}

    private Comparison() {}

    public static String abbreviation(String rating) {
        return switch (rating) {
            case "Outstanding" -> "O";
            case "Good" -> "G";
            case "Requires improvement" -> "RI";
            case "Inadequate" -> "I";
            default -> "NR";
        };
    }

    /**
     * Builds the table for a lineage (an NPS division name, all its regions) or a region (its division and that
     * region only). Names resolve through the gazetteer ("North West", "NPS North West division", "Greater
     * Manchester region"); an unknown name is an IllegalArgumentException.
     */
    public static Table build(Connection conn, Reference ref, String lineage, String region) throws SQLException {
        return build(conn, ref, lineage, region, null);
    }

    /** As {@link #build(Connection, Reference, String, String)}, with the division report of one year (null: latest). */
    public static Table build(Connection conn, Reference ref, String lineage, String region, Integer divisionYear)
            throws SQLException {
        String division;
        List<String> regions;
        if (region != null) {
            Resolution r = ref.gazetteer().resolve(region, Gazetteer.REGION);
            if (!r.resolved()) throw new IllegalArgumentException("unknown region '" + region + "'");
            division = r.npsDivision();
            regions = List.of(r.canonicalName());
        } else {
            Resolution r = ref.gazetteer().resolve(lineage, Gazetteer.DIVISION);
            if (!r.resolved()) throw new IllegalArgumentException("unknown NPS division '" + lineage + "'");
            division = r.canonicalName();
            regions = ref.regionsOf(division);
        }
        Map<String, String> divisionRatings = new LinkedHashMap<>();
        List<String> divisionDocs = new ArrayList<>();
        Set<String> divisionYears = new TreeSet<>();
        Set<String> frameworks = new LinkedHashSet<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT canonical_standard, coalesce(rating, printed_rating), doc_id, "
                + "year, framework FROM ratings_comparable WHERE unit_kind = 'nps_division' AND unit = ? "
                + "AND (CAST(? AS INTEGER) IS NULL OR year = CAST(? AS INTEGER)) "
                + "ORDER BY published DESC NULLS LAST, year DESC NULLS LAST, doc_id")) {
            ps.setString(1, division);
            if (divisionYear == null) {
                ps.setNull(2, java.sql.Types.INTEGER);
                ps.setNull(3, java.sql.Types.INTEGER);
            } else {
                ps.setInt(2, divisionYear);
                ps.setInt(3, divisionYear);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1) == null) continue;
                    if (!divisionDocs.contains(rs.getString(3)) && divisionDocs.isEmpty()) divisionDocs.add(rs.getString(3));
                    if (!divisionDocs.contains(rs.getString(3))) continue; // the most recent division report only
                    divisionRatings.putIfAbsent(rs.getString(1), rs.getString(2));
                    if (rs.getObject(4) != null) divisionYears.add(rs.getString(4));
                    frameworks.add(rs.getString(5));
                }
            }
        }
        Map<String, Map<String, Map<String, Integer>>> dist = new LinkedHashMap<>();
        Map<String, Map<String, List<String>>> pduNames = new LinkedHashMap<>();
        Map<String, Set<String>> pdus = new LinkedHashMap<>(), years = new LinkedHashMap<>();
        for (String reg : regions) {
            pdus.put(reg, new TreeSet<>());
            years.put(reg, new TreeSet<>());
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT region_2021, unit, canonical_standard, "
                + "coalesce(rating, printed_rating), year, framework FROM ("
                + "  SELECT *, row_number() OVER (PARTITION BY unit, canonical_standard ORDER BY "
                + "    CASE doc_type WHEN 'pdu_report' THEN 0 ELSE 1 END, published DESC NULLS LAST, doc_id) AS pick "
                + "  FROM ratings_comparable WHERE unit_kind = 'pdu' AND canonical_standard IS NOT NULL"
                + "    AND region_2021 IN (" + String.join(", ", java.util.Collections.nCopies(regions.size(), "?"))
                + ")) WHERE pick = 1 ORDER BY region_2021, unit")) {
            for (int i = 0; i < regions.size(); i++) ps.setString(i + 1, regions.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String reg = rs.getString(1), unit = rs.getString(2), std = rs.getString(3), rating = rs.getString(4);
                    String norm = ref.normaliseRating(rating).orElse(rating);
                    dist.computeIfAbsent(std, k -> new LinkedHashMap<>()).computeIfAbsent(reg, k -> new LinkedHashMap<>())
                            .merge(norm, 1, Integer::sum);
                    pduNames.computeIfAbsent(std, k -> new LinkedHashMap<>()).computeIfAbsent(reg, k -> new ArrayList<>())
                            .add(unit + "=" + abbreviation(norm));
                    pdus.get(reg).add(unit);
                    if (rs.getObject(5) != null) years.get(reg).add(rs.getString(5));
                    frameworks.add(rs.getString(6));
                }
            }
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String fw : frameworks) for (Reference.Standard s : ref.standards(fw)) codes.add(s.canonical());
        codes.addAll(divisionRatings.keySet());
        codes.addAll(dist.keySet());
        if (frameworks.isEmpty()) {
            for (Reference.Standard s : ref.standards("nps_2018")) codes.add(s.canonical());
            for (Reference.Standard s : ref.standards("pdu_2021")) codes.add(s.canonical());
        }
        List<Row> rows = new ArrayList<>();
        for (Reference.CanonicalStandard c : ref.canonicalStandards()) {
            if (!codes.contains(c.code())) continue;
            rows.add(new Row(c.code(), c.name(), divisionRatings.get(c.code()), dist.getOrDefault(c.code(), Map.of()),
                    pduNames.getOrDefault(c.code(), Map.of())));
        }
        return new Table(division, divisionDocs, divisionYears, regions, pdus, years, rows);
    }
}
