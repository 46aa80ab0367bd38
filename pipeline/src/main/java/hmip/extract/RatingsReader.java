package hmip.extract;

import hmip.model.Provider;
import hmip.model.StandardRating;
import hmip.reference.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inspected units and their ratings, scores and overall ratings. Ratings tables first
 * ({@link RatingsTable}); a report on one unit then fills gaps from the ratings printed beside its
 * standards' headings ({@link BodyRatings}) and its "Overall, X is rated as: ..." sentence, and takes the
 * unit's name from the cover when the table lacks it or prints a clipped form; a regional letter's unit
 * whose overall-rating cell prints a placeholder takes the rating its summary sentence gives
 * ({@link SummaryRatings}). Every fallback is noted. Several ratings tables, or a letter, make the document
 * a multi-unit one.
 */
final class RatingsReader implements Reader<RatingsReader.Ratings> {
    private static final Pattern UNIT_IN_TITLE = Pattern.compile("(?i)\\bin:\\s*(.+)$");

    /** The units read, the rows that belonged to ratings tables, and whether the document covers several units. */
    record Ratings(List<Provider> providers, Set<Integer> tableRows, boolean multiUnit) {}

    @Override
    public String name() { return "ratings"; }

    @Override
    public Read<Ratings> read(ExtractionContext context) {
        Reference.Framework framework = context.framework();
        DocumentFacts facts = context.facts();
        DocumentText rows = context.text();
        RatingWords words = new RatingWords(context.reference());
        Read.Notes notes = new Read.Notes();
        List<String> gaps = new ArrayList<>();

        RatingsTable.Result table = new RatingsTable(words).read(rows, framework, notes);
        List<UnitDraft> units = new ArrayList<>(table.units());
        gaps.addAll(table.unfilledLabels());
        // several ratings tables make it a multi-unit summary even when the letter's salutation was lost
        boolean multiUnit = facts.letter() || units.size() > 1;
        if (!multiUnit) {
            if (units.isEmpty()) units.add(new UnitDraft());
            completeSingleUnit(rows, units.get(0), table, facts, framework, words, notes, gaps);
        } else {
            SummaryRatings summary = new SummaryRatings(words);
            for (UnitDraft u : units) completeFromSummary(rows, u, summary, words, notes);
        }
        // a unit needs standard ratings, or at least a name and an overall rating (a sentence rating "the PDU"
        // overall, with nothing else, is a press release's, not a report's)
        units.removeIf(u -> u.ratings.isEmpty() && (u.overallRating == null || u.name == null));
        List<Provider> providers = units.stream().map(u -> u.toProvider(framework.providerType())).toList();
        if (multiUnit && !facts.letter() && !providers.isEmpty()) {
            notes.add("Read as a multi-unit document (" + framework.docType(true) + ") from its " + providers.size()
                    + " ratings tables; no letter salutation was found.");
        }
        return new Read<>(new Ratings(providers, table.tableRows(), multiUnit), notes.list(), gaps);
    }

    /** A single-unit report: body ratings fill what the table lacks; name and overall rating have fallbacks. */
    private static void completeSingleUnit(DocumentText rows, UnitDraft u, RatingsTable.Result table, DocumentFacts facts,
                                           Reference.Framework framework, RatingWords words, Read.Notes notes,
                                           List<String> gaps) {
        boolean hadTable = u.hasRatings();
        BodyRatings body = new BodyRatings(words);
        Map<String, StandardRating> fromBody = body.extract(rows, framework, table.tableRows(), notes);
        for (StandardRating r : fromBody.values()) {
            StandardRating inTable = u.ratings.get(r.standard());
            if (inTable == null) {
                u.ratings.put(r.standard(), r);
                if (hadTable) notes.add("Standard " + r.standard() + " has no row in the ratings table; its rating '" + r.rating() + "' is taken from the body.");
            } else if (!inTable.rating().equals(r.rating())) {
                notes.add("Standard " + r.standard() + " is '" + inTable.rating() + "' in the ratings table but '" + r.rating() + "' in the body; table value kept.");
            }
        }
        long rated = framework.standards().stream().filter(Reference.Standard::rated).count();
        if (!hadTable && !fromBody.isEmpty()) {
            // 2018 reports print every rating beside its standard and have no table: only a shortfall is a gap
            String said = "No ratings table was found: the ratings of " + fromBody.size() + " of " + rated
                    + " rated standards were taken from the body text.";
            if (fromBody.size() < rated) gaps.add(said);
            else notes.add(said);
        }
        if (u.overallRating == null) {
            body.overall(rows).ifPresent(o -> u.overallRating = o);
        }
        String unit = unitFromTitle(facts.title());
        if (u.name == null && unit != null) {
            u.name = unit;
        } else if (u.name != null && unit != null && !u.name.equalsIgnoreCase(unit)
                && unit.toLowerCase(Locale.ROOT).endsWith(u.name.toLowerCase(Locale.ROOT))) {
            notes.add("The ratings table prints the unit as '" + u.name + "' (clipped by the converter); name taken from the title: '" + unit + "'.");
            u.name = unit;
        }
        if (u.provenance == null && !fromBody.isEmpty()) u.provenance = fromBody.values().iterator().next().provenance();
    }

    private static void completeFromSummary(DocumentText rows, UnitDraft u, SummaryRatings summary, RatingWords words,
                                            Read.Notes notes) {
        if (u.overallRating != null || u.name == null) return;
        Optional<String> s = summary.lookup(rows, u.name, words);
        if (s.isPresent()) {
            u.overallRating = s.get();
            notes.add("Overall rating of " + u.name + " taken from the summary text ('" + s.get() + "') because its ratings table does not print one.");
        } else {
            notes.add("No overall rating found for " + u.name + ".");
        }
    }

    private static String unitFromTitle(String title) {
        if (title == null) return null;
        Matcher m = UNIT_IN_TITLE.matcher(title);
        return m.find() ? m.group(1).strip() : null;
    }
}
