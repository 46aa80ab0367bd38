package hmip.reference;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The one vocabulary every stage is handed: frameworks and their standards (codes, names, domains, the
 * statements printed under them, the crosswalk to canonical standards), rating words with their points
 * and key-question bands, addressee levels, the Inspectorate's name and markers, regions, NPS divisions,
 * PDUs and their printed variants (the gazetteer) and the 2018-to-2021 lineage. Read once from
 * {@code data/reference/} (the jar carries a copy under {@code hmip/reference/}); immutable; thread-safe.
 *
 * <p>Extraction uses it to recognise what a document prints, validation to judge it, the warehouse to
 * fill its {@code ref_*} tables, search and the web to list known values. {@link #load(Path)} reads a
 * folder whose files replace the bundled ones (the others stay bundled), and adds one framework per JSON file
 * in its {@code frameworks/} subfolder: a new framework is a data change (see {@code docs/extract.md}).
 */
public final class Reference {
    public static final String NOT_RATED = "Not rated";
    public static final String PRESS_RELEASE = "press_release";
    public static final String OTHER = "other";
    private static final String BUNDLED = "/hmip/reference/";
    private static volatile Reference bundled;

    /** A framework's top-level grouping of standards ("1. Organisational delivery"). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Domain(int number, String name) {}

    /** A standard of one framework as the framework prints it, with its canonical standard. */
    public record Standard(String framework, String code, String name, int domain, boolean rated,
                           String canonical, String canonicalName, List<String> statements) {
        public Standard {
            statements = statements == null ? List.of() : List.copyOf(statements);
        }
    }

    /**
     * An inspection framework: how its documents are recognised ({@code markers}: phrases only its
     * documents print), what they and their units are called, which kind of geography names their areas
     * (a gazetteer kind) and its standards in code order.
     */
    public record Framework(String id, String docType, String multiUnitDocType, String providerType, String geography,
                            List<String> markers, List<Domain> domains, List<Standard> standards) {
        public Framework {
            markers = List.copyOf(markers);
            domains = domains == null ? List.of() : List.copyOf(domains);
            standards = List.copyOf(standards);
        }

        /** The document type of a report on one unit, or of a summary of several (a regional letter). */
        public String docType(boolean multiUnit) {
            return multiUnit && multiUnitDocType != null ? multiUnitDocType : docType;
        }

        public Optional<Standard> standard(String code) {
            return standards.stream().filter(s -> s.code().equals(code)).findFirst();
        }

        public boolean hasDomain(int number) {
            return domains.stream().anyMatch(d -> d.number() == number)
                    || standards.stream().anyMatch(s -> s.domain() == number);
        }
    }

    /** A rating word with its score points and key-question band (null points and bounds for 'Not rated'). */
    public record RatingLevel(String rating, Integer points, int rank, Integer bandMin, Integer bandMax) {}

    /** A canonical standard, in comparison order. */
    public record CanonicalStandard(String code, String name, int sortOrder, boolean caseSupervision, String note) {}

    /** An addressee level and the pattern of printed addressees it covers (first match wins). */
    public record AddresseeLevel(String level, Pattern pattern) {}

    /** A 2018 NPS division and a 2021+ region it became part of. */
    public record Lineage(String division2018, String region2021, String relation, String note) {}

    private final String inspectorate;
    private final List<String> inspectorateMarkers;
    private final List<Framework> frameworks;
    private final List<RatingLevel> levels;
    private final List<CanonicalStandard> canonical;
    private final List<AddresseeLevel> addresseeLevels;
    private final List<Lineage> lineage;
    private final List<Map<String, String>> gazetteerRows;
    private final Gazetteer gazetteer;
    private final Pattern ratingWord;

    private Reference(Source source) {
        Conventions conv = source.json("conventions.json", Conventions.class);
        this.inspectorate = conv.inspectorate();
        this.inspectorateMarkers = List.copyOf(conv.inspectorateMarkers());
        this.levels = source.csv("ratings_scale.csv").stream().map(r -> new RatingLevel(r.get("rating"),
                integer(r.get("points")), Integer.parseInt(r.get("rank")), integer(r.get("kq_band_min")),
                integer(r.get("kq_band_max")))).toList();
        this.canonical = source.csv("canonical_standards.csv").stream().map(r -> new CanonicalStandard(
                r.get("canonical_standard"), r.get("name"), Integer.parseInt(r.get("sort_order")),
                Boolean.parseBoolean(r.get("case_supervision")), r.get("note"))).toList();
        Map<String, String> canonicalNames = new LinkedHashMap<>();
        canonical.forEach(c -> canonicalNames.put(c.code(), c.name()));
        List<FrameworkEntry> entries = new ArrayList<>(source.json("frameworks.json", FrameworksFile.class).frameworks());
        entries.addAll(source.extraFrameworks());
        this.frameworks = entries.stream().map(f -> f.toFramework(canonicalNames)).toList();
        this.addresseeLevels = source.csv("addressee_levels.csv").stream().map(r -> new AddresseeLevel(r.get("level"),
                Pattern.compile(r.get("pattern"), Pattern.CASE_INSENSITIVE))).toList();
        this.lineage = source.csv("nps_lineage.csv").stream().map(r -> new Lineage(r.get("nps_division_2018"),
                r.get("region_2021"), r.get("relation"), r.get("note"))).toList();
        Map<String, String> divisionOfRegion = new LinkedHashMap<>();
        lineage.forEach(l -> divisionOfRegion.put(l.region2021(), l.division2018()));
        this.gazetteerRows = source.csv("gazetteer.csv");
        this.gazetteer = new Gazetteer(gazetteerRows, divisionOfRegion);
        String alternation = String.join("|", levels.stream().map(l -> Pattern.quote(l.rating()).replace(" ", "\\E\\s+\\Q")).toList());
        this.ratingWord = Pattern.compile("(?i)(?<![\\p{L}])(" + alternation + ")(?![\\p{L}])");
    }

    /** The reference data shipped in the jar (a copy of {@code data/reference/}), read once. */
    public static Reference bundled() {
        Reference r = bundled;
        if (r == null) {
            synchronized (Reference.class) {
                if (bundled == null) bundled = new Reference(new Source(null));
                r = bundled;
            }
        }
        return r;
    }

    /** Reference data from a folder laid out like {@code data/reference/}; files it lacks come from the jar. */
    public static Reference load(Path folder) {
        return new Reference(new Source(folder));
    }

    // ---- the Inspectorate and its frameworks

    public String inspectorate() { return inspectorate; }

    public List<String> inspectorateMarkers() { return inspectorateMarkers; }

    public List<Framework> frameworks() { return frameworks; }

    public Optional<Framework> framework(String id) {
        return frameworks.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** Every document type a document can be given: the frameworks' own, then press releases and 'other'. */
    public List<String> documentTypes() {
        Set<String> types = new LinkedHashSet<>();
        for (Framework f : frameworks) {
            types.add(f.docType());
            if (f.multiUnitDocType() != null) types.add(f.multiUnitDocType());
        }
        types.add(PRESS_RELEASE);
        types.add(OTHER);
        return List.copyOf(types);
    }

    /** The framework's standards in code order; empty for an unknown framework. */
    public List<Standard> standards(String framework) {
        return framework(framework).map(Framework::standards).orElse(List.of());
    }

    public Optional<Standard> standard(String framework, String code) {
        return code == null ? Optional.empty() : framework(framework).flatMap(f -> f.standard(code));
    }

    /** A standard of the framework named in prose ("for reviewing", "for implementation and delivery"). */
    public Optional<Standard> standardByName(String framework, String name) {
        String n = name.toLowerCase(Locale.ROOT).strip();
        return standards(framework).stream().filter(s -> s.name().toLowerCase(Locale.ROOT).equals(n)).findFirst();
    }

    public List<CanonicalStandard> canonicalStandards() { return canonical; }

    // ---- ratings, points and bands

    public List<RatingLevel> levels() { return levels; }

    /** The rating words in the scale's spelling ("Outstanding" ... "Not rated"). */
    public List<String> ratingWords() { return levels.stream().map(RatingLevel::rating).toList(); }

    /**
     * A rating word anywhere in a text, case-insensitive, its words separated by any white space (a
     * wrapped "Requires / improvement"); group 1 is the word as printed.
     */
    public Pattern ratingWordPattern() { return ratingWord; }

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

    /** The most points one rated standard can score (Outstanding's). */
    public int maxPoints() {
        return levels.stream().map(RatingLevel::points).filter(p -> p != null).max(Integer::compare).orElse(0);
    }

    // ---- addressees and geography

    /** The level of a printed addressee ("HM Prison and Probation Service" is HMPPS); 'other' when none fits. */
    public String addresseeLevel(String printed) {
        for (AddresseeLevel a : addresseeLevels) if (a.pattern().matcher(printed).find()) return a.level();
        return OTHER;
    }

    public List<AddresseeLevel> addresseeLevels() { return addresseeLevels; }

    /** Every distinct addressee level, in the order first listed. */
    public List<String> addresseeLevelNames() {
        Set<String> names = new LinkedHashSet<>();
        addresseeLevels.forEach(a -> names.add(a.level()));
        names.add(OTHER);
        return List.copyOf(names);
    }

    public Gazetteer gazetteer() { return gazetteer; }

    /** The gazetteer's rows as read (kind, canonical_name, region, variant, status), for the warehouse. */
    public List<Map<String, String>> gazetteerRows() { return gazetteerRows; }

    /**
     * The areas a framework's documents are about (regions for 2021+, NPS divisions for 2018), each with
     * every printed form the gazetteer knows, canonical name first.
     */
    public Map<String, List<String>> areas(Framework framework) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map<String, String> r : gazetteerRows) {
            if (!r.get("kind").equals(framework.geography())) continue;
            List<String> names = out.computeIfAbsent(r.get("canonical_name"), k -> new ArrayList<>(List.of(k)));
            if (!names.contains(r.get("variant"))) names.add(r.get("variant"));
        }
        return out;
    }

    /** The 2021+ regions (canonical names). */
    public List<String> regions() {
        return gazetteerRows.stream().filter(r -> r.get("kind").equals(Gazetteer.REGION))
                .map(r -> r.get("canonical_name")).distinct().toList();
    }

    public List<Lineage> lineage() { return lineage; }

    /** The 2018 NPS division a 2021+ region descends from. */
    public Optional<String> divisionOf(String region) {
        return lineage.stream().filter(l -> l.region2021().equals(region)).map(Lineage::division2018).findFirst();
    }

    /** The 2021+ regions a 2018 NPS division became. */
    public List<String> regionsOf(String division) {
        return lineage.stream().filter(l -> l.division2018().equals(division)).map(Lineage::region2021).toList();
    }

    // ---- reading the files

    private static Integer integer(String s) { return s == null || s.isBlank() ? null : Integer.valueOf(s.trim()); }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Conventions(String inspectorate, @JsonProperty("inspectorate_markers") List<String> inspectorateMarkers) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record FrameworksFile(List<FrameworkEntry> frameworks) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record FrameworkEntry(String id, @JsonProperty("doc_type") String docType,
                                  @JsonProperty("multi_unit_doc_type") String multiUnitDocType,
                                  @JsonProperty("provider_type") String providerType, String geography,
                                  List<String> markers, List<Domain> domains, List<StandardEntry> standards) {
        Framework toFramework(Map<String, String> canonicalNames) {
            List<Standard> s = standards.stream().map(e -> new Standard(id, e.code(), e.name(), e.domain(),
                    e.rated() == null || e.rated(), e.canonical(), canonicalNames.getOrDefault(e.canonical(), e.name()),
                    e.statements())).toList();
            return new Framework(id, docType, multiUnitDocType, providerType, geography, markers, domains, s);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record StandardEntry(String code, String name, int domain, Boolean rated, String canonical,
                                 List<String> statements) {}

    /** Where the files come from: a folder first (when given), else the jar's copy. */
    private record Source(Path folder) {
        private static final ObjectMapper JSON = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

        <T> T json(String name, Class<T> type) {
            try (InputStream in = open(name)) {
                return JSON.readValue(in, type);
            } catch (IOException e) {
                throw new UncheckedIOException("reading reference file " + name + ": " + e.getMessage(), e);
            }
        }

        List<Map<String, String>> csv(String name) {
            try (Reader in = new InputStreamReader(open(name), StandardCharsets.UTF_8)) {
                List<Map<String, String>> rows = new ArrayList<>();
                CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                        .setIgnoreEmptyLines(true).get();
                for (CSVRecord r : format.parse(in)) {
                    Map<String, String> row = new LinkedHashMap<>();
                    r.toMap().forEach((k, v) -> row.put(k, v == null || v.isEmpty() ? null : v));
                    rows.add(row);
                }
                return rows;
            } catch (IOException e) {
                throw new UncheckedIOException("reading reference file " + name + ": " + e.getMessage(), e);
            }
        }

        /** Frameworks added beside the bundled ones: one JSON framework entry per file in {@code frameworks/}. */
        List<FrameworkEntry> extraFrameworks() {
            if (folder == null || !Files.isDirectory(folder.resolve("frameworks"))) return List.of();
            try (var files = Files.list(folder.resolve("frameworks"))) {
                List<FrameworkEntry> out = new ArrayList<>();
                for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    try (InputStream in = Files.newInputStream(f)) {
                        out.add(JSON.readValue(in, FrameworkEntry.class));
                    }
                }
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException("reading reference frameworks in " + folder + ": " + e.getMessage(), e);
            }
        }

        private InputStream open(String name) throws IOException {
            if (folder != null && Files.isRegularFile(folder.resolve(name))) return Files.newInputStream(folder.resolve(name));
            InputStream in = Reference.class.getResourceAsStream(BUNDLED + name);
            if (in == null) throw new IOException("missing reference file " + BUNDLED + name);
            return in;
        }
    }
}
