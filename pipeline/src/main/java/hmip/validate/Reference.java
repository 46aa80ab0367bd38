package hmip.validate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The reference tables of {@code data/reference}, read once from the classpath. Immutable. */
public final class Reference {
    /** A standard of one framework, as in {@code standards.csv}. */
    public record Standard(String framework, String code, String name, int domain, boolean rated,
                           String canonical, String canonicalName) {}

    /** A rating word with its score points and key-question band (null bounds for 'Not rated'). */
    public record RatingLevel(String rating, Integer points, int rank, Integer bandMin, Integer bandMax) {}

    /** A canonical standard, in comparison order. */
    public record CanonicalStandard(String code, String name, int sortOrder, boolean caseSupervision) {}

    public static final String NOT_RATED = "Not rated";
    private static final String BASE = "/hmip/reference/";
    private static volatile Reference standard;

    private final Map<String, Map<String, Standard>> standards = new LinkedHashMap<>();
    private final List<RatingLevel> levels = new ArrayList<>();
    private final List<CanonicalStandard> canonical = new ArrayList<>();
    private final Map<String, String> divisionOfRegion = new LinkedHashMap<>();
    private final Gazetteer gazetteer;

    private Reference() {
        for (Map<String, String> r : Csv.readResource(BASE + "standards.csv")) {
            standards.computeIfAbsent(r.get("framework"), k -> new LinkedHashMap<>()).put(r.get("code"),
                    new Standard(r.get("framework"), r.get("code"), r.get("name"), Integer.parseInt(r.get("domain")),
                            Boolean.parseBoolean(r.get("rated")), r.get("canonical_standard"), r.get("canonical_name")));
        }
        for (Map<String, String> r : Csv.readResource(BASE + "ratings_scale.csv")) {
            levels.add(new RatingLevel(r.get("rating"), integer(r.get("points")), Integer.parseInt(r.get("rank")),
                    integer(r.get("kq_band_min")), integer(r.get("kq_band_max"))));
        }
        for (Map<String, String> r : Csv.readResource(BASE + "canonical_standards.csv")) {
            canonical.add(new CanonicalStandard(r.get("canonical_standard"), r.get("name"),
                    Integer.parseInt(r.get("sort_order")), Boolean.parseBoolean(r.get("case_supervision"))));
        }
        for (Map<String, String> r : Csv.readResource(BASE + "nps_lineage.csv")) {
            divisionOfRegion.put(r.get("region_2021"), r.get("nps_division_2018"));
        }
        gazetteer = new Gazetteer(Csv.readResource(BASE + "gazetteer.csv"), divisionOfRegion);
    }

    /** The bundled reference data. */
    public static Reference standard() {
        Reference r = standard;
        if (r == null) {
            synchronized (Reference.class) {
                if (standard == null) standard = new Reference();
                r = standard;
            }
        }
        return r;
    }

    private static Integer integer(String s) { return s == null || s.isBlank() ? null : Integer.valueOf(s.trim()); }

    public Gazetteer gazetteer() { return gazetteer; }

    /** The framework's standards in code order; empty for an unknown framework. */
    public List<Standard> standards(String framework) {
        Map<String, Standard> m = framework == null ? null : standards.get(framework);
        return m == null ? List.of() : List.copyOf(m.values());
    }

    public Optional<Standard> standard(String framework, String code) {
        Map<String, Standard> m = framework == null ? null : standards.get(framework);
        return Optional.ofNullable(m == null || code == null ? null : m.get(code));
    }

    /** A standard of the framework named in prose ("for reviewing", "for implementation and delivery"). */
    public Optional<Standard> standardByName(String framework, String name) {
        String n = name.toLowerCase(Locale.ROOT).strip();
        return standards(framework).stream().filter(s -> s.name().toLowerCase(Locale.ROOT).equals(n)).findFirst();
    }

    public List<CanonicalStandard> canonicalStandards() { return List.copyOf(canonical); }

    /** The rating scale's own spelling of a printed rating word, or empty if it is not one. */
    public Optional<String> normaliseRating(String printed) {
        if (printed == null) return Optional.empty();
        String p = printed.strip().replaceAll("[‘’'\"“”.:]", "").replaceAll("\\s+", " ");
        return levels.stream().map(RatingLevel::rating).filter(r -> r.equalsIgnoreCase(p)).findFirst();
    }

    public Optional<RatingLevel> level(String printed) {
        return normaliseRating(printed).flatMap(r -> levels.stream().filter(l -> l.rating().equals(r)).findFirst());
    }

    /** Score points of a rating word; empty for 'Not rated' or a word that is not a rating. */
    public Optional<Integer> points(String printed) { return level(printed).map(RatingLevel::points); }

    /** The rating whose key-question band holds this percentage. */
    public String band(int percentYes) {
        return levels.stream().filter(l -> l.bandMin() != null && percentYes >= l.bandMin() && percentYes <= l.bandMax())
                .map(RatingLevel::rating).findFirst().orElseThrow(() -> new IllegalArgumentException("% " + percentYes));
    }

    public List<RatingLevel> levels() { return List.copyOf(levels); }

    /** The 2018 NPS division a 2021+ region descends from. */
    public Optional<String> divisionOf(String region) { return Optional.ofNullable(divisionOfRegion.get(region)); }

    /** The 2021+ regions a 2018 NPS division became. */
    public List<String> regionsOf(String division) {
        return divisionOfRegion.entrySet().stream().filter(e -> e.getValue().equals(division)).map(Map.Entry::getKey)
                .toList();
    }
}
