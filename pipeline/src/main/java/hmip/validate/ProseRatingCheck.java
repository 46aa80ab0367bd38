package hmip.validate;

import hmip.model.CheckFinding;
import hmip.model.Extraction;
import hmip.model.Provider;
import hmip.model.Resolution;
import hmip.model.Severity;
import hmip.model.StandardRating;
import hmip.reference.Gazetteer;
import hmip.reference.Reference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ratings stated in prose (forewords, summaries, standard sections) against the ratings tables. Ids:
 * {@code prose-rating-mismatch} (error: the prose gives another rating than the table),
 * {@code prose-unit-not-in-tables} (warning: the prose names a unit with no ratings table here — unresolved names
 * are reported with the table units the sentence leaves unnamed, never mapped to one of them; info when a PDU
 * report names another known unit),
 * {@code prose-rating-unconfirmed} (info: the table prints no value to compare, e.g. a placeholder).
 */
public final class ProseRatingCheck implements Check {
    /** Subjects that are not unit names even though capitalised. */
    private static final Set<String> NOT_UNITS = Set.of("pdu", "pdus", "region", "division", "probation service",
            "service", "hmpps", "we", "it", "they", "this", "overall", "the pdu", "inspectorate");
    private final Reference ref;
    private final ProseRatings prose;

    public ProseRatingCheck(Reference ref) {
        this.ref = ref;
        this.prose = new ProseRatings(ref);
    }

    @Override public String name() { return "prose-ratings"; }

    /** The rating statements of the document whose subjects are unit names (not standards or generic words). */
    public List<RatingStatement> statements(DocumentInput input) {
        List<RatingStatement> out = new ArrayList<>();
        for (PageText p : input.pages()) {
            for (RatingStatement s : prose.find(p, input.extraction().framework())) {
                List<String> units = s.subjects().stream().filter(n -> isUnitName(input.extraction(), n)).toList();
                if (units.isEmpty() && !s.thePdu()) continue;
                out.add(new RatingStatement(s.page(), s.start(), s.end(), s.sentence(), units, s.thePdu(), s.rating(),
                        s.overall(), s.standard(), s.inThisArea()));
            }
        }
        return out;
    }

    private boolean isUnitName(Extraction ex, String name) {
        String key = Gazetteer.key(name).key();
        if (key.isEmpty() || NOT_UNITS.contains(key) || NOT_UNITS.contains(name.toLowerCase(Locale.ROOT))) return false;
        for (Reference.CanonicalStandard c : ref.canonicalStandards()) if (c.name().equalsIgnoreCase(name)) return false;
        for (Reference.Standard s : ref.standards(ex.framework())) if (s.name().equalsIgnoreCase(name)) return false;
        return !name.toLowerCase(Locale.ROOT).contains("inspectorate");
    }

    /** Resolutions of the unit names stated in prose. */
    public Map<String, Resolution> resolutions(DocumentInput input) {
        Map<String, Resolution> out = new LinkedHashMap<>();
        String expected = expectedKind(input.extraction());
        for (RatingStatement s : statements(input)) {
            for (String n : s.subjects()) out.putIfAbsent(n, ref.gazetteer().resolve(n, expected));
        }
        return out;
    }

    private String expectedKind(Extraction ex) {
        return ex.providers().stream().map(p -> ref.gazetteer().resolve(p.name(), Gazetteer.kindOfProviderType(p.type())))
                .filter(Resolution::resolved).map(Resolution::kind).findFirst().orElse(null);
    }

    @Override
    public List<CheckFinding> run(DocumentInput input) {
        Extraction ex = input.extraction();
        List<CheckFinding> out = new ArrayList<>();
        if (ex.providers().isEmpty()) return out;
        String expected = expectedKind(ex);
        List<RatingStatement> statements = statements(input);
        for (RatingStatement s : statements) {
            List<String> unnamed = new ArrayList<>(ex.providers().stream().map(Provider::name).toList());
            List<String[]> unmatched = new ArrayList<>();
            List<Map.Entry<String, Provider>> matched = new ArrayList<>();
            if (s.thePdu()) {
                if (ex.providers().size() == 1) matched.add(Map.entry("the PDU", ex.providers().get(0)));
            }
            for (String n : splitListedUnits(s.subjects(), ex)) {
                Optional<Provider> p = ProviderTables.match(ex.providers(), n, ref.gazetteer());
                if (p.isPresent()) {
                    matched.add(Map.entry(n, p.get()));
                    unnamed.remove(p.get().name());
                } else {
                    unmatched.add(new String[] {n});
                }
            }
            // all statements of a sentence name units together: drop those named anywhere in the sentence
            for (RatingStatement other : statements) {
                if (other.page() != s.page() || !other.sentence().equals(s.sentence())) continue;
                for (String n : other.subjects()) {
                    ProviderTables.match(ex.providers(), n, ref.gazetteer()).ifPresent(p -> unnamed.remove(p.name()));
                }
            }
            for (String[] u : unmatched) {
                Resolution r = ref.gazetteer().resolve(u[0], expected);
                // a report on one unit may well state a neighbouring unit's rating; anywhere else (and for any
                // name that resolves to nothing) a rated unit without a table is suspect
                boolean neighbour = r.resolved() && ex.providers().size() == 1;
                out.add(CheckFinding.of("prose-unit-not-in-tables", neighbour ? Severity.INFO : Severity.WARNING, ex.docId())
                        .at(s.page(), s.start(), s.end()).provider(u[0]).value("printed", u[0])
                        .value("resolution", r.status()).value("canonical", r.canonicalName())
                        .value("stated_rating", s.rating()).value("sentence", s.sentence())
                        .value("table_units_not_named_in_sentence", unnamed)
                        .message("the text rates '" + u[0] + "' as '" + s.rating() + "', but '" + u[0] + "' "
                                + (r.resolved() ? "(" + r.canonicalName() + ") has no ratings table in this document"
                                        : ProviderNameCheck.describe(r) + " in the gazetteer and no ratings table here")
                                + (unnamed.isEmpty() ? "" : "; table units the sentence does not name: "
                                        + String.join(", ", unnamed))));
            }
            for (Map.Entry<String, Provider> m : matched) compare(ex, s, m.getKey(), m.getValue()).ifPresent(out::add);
        }
        return out;
    }

    /**
     * The sentence reader splits subjects at commas and at an "and" between names the gazetteer knows; a table
     * unit's own name may hold both ("Redcar, Cleveland and Middlesbrough PDU", "Stockport and Trafford"), so
     * neighbouring subjects that together name a table unit are joined again. Conversely "Southtown and
     * Westown" stays one subject unless the gazetteer knows both; when it is no unit itself but one of its
     * parts is a table unit here, it lists several units.
     */
    private List<String> splitListedUnits(List<String> subjects, Extraction ex) {
        List<String> joined = new ArrayList<>();
        for (int i = 0; i < subjects.size(); i++) {
            int best = i;
            String name = subjects.get(i);
            for (int j = i + 1; j < subjects.size(); j++) {
                for (String sep : List.of(", ", " and ")) {
                    String candidate = String.join(", ", subjects.subList(i, j)) + sep + subjects.get(j);
                    if (ProviderTables.match(ex.providers(), candidate, ref.gazetteer()).isPresent()) {
                        best = j;
                        name = candidate;
                    }
                }
            }
            joined.add(name);
            i = best;
        }
        List<String> out = new ArrayList<>();
        for (String n : joined) {
            String[] parts = n.split("\\s+and\\s+");
            boolean listed = parts.length > 1 && ProviderTables.match(ex.providers(), n, ref.gazetteer()).isEmpty()
                    && java.util.Arrays.stream(parts).anyMatch(x -> ProviderTables.match(ex.providers(), x, ref.gazetteer()).isPresent());
            if (listed) out.addAll(List.of(parts));
            else out.add(n);
        }
        return out;
    }

    private Optional<CheckFinding> compare(Extraction ex, RatingStatement s, String printed, Provider p) {
        String tableValue;
        String what;
        if (s.overall()) {
            tableValue = p.overallRating();
            what = "overall";
        } else if (s.standard() != null) {
            tableValue = ProviderTables.rating(p, s.standard()).map(StandardRating::rating).orElse(null);
            what = s.standard() + " " + ref.standard(ex.framework(), s.standard()).map(Reference.Standard::name).orElse("");
        } else {
            return Optional.empty();
        }
        Optional<String> table = ref.normaliseRating(tableValue);
        if (table.isPresent() && table.get().equals(s.rating())) return Optional.empty();
        CheckFinding.Builder b = CheckFinding.of(table.isEmpty() ? "prose-rating-unconfirmed" : "prose-rating-mismatch",
                        table.isEmpty() ? Severity.INFO : Severity.ERROR, ex.docId())
                .at(s.page(), s.start(), s.end()).provider(p.name()).standard(s.standard())
                .value("printed_in_prose", printed).value("prose_rating", s.rating()).value("table_rating", tableValue)
                .value("sentence", s.sentence());
        return Optional.of(b.message(table.isEmpty()
                ? "the text rates " + printed + " '" + s.rating() + "' (" + what + "); the table prints "
                        + (tableValue == null ? "no value" : "'" + tableValue + "'") + " to compare"
                : "the text rates " + printed + " '" + s.rating() + "' (" + what + ") but the table says '"
                        + table.get() + "'"));
    }
}
