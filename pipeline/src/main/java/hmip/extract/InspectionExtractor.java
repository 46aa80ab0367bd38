package hmip.extract;

import hmip.extract.stated.StatedRatingReader;
import hmip.model.Extraction;
import hmip.model.Finding;
import hmip.model.KeyQuestion;
import hmip.model.LaidOutDocument;
import hmip.model.Provider;
import hmip.model.Recommendation;
import hmip.model.StandardRating;
import hmip.model.StatedRating;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The extraction stage for HM Inspectorate of Probation reports and regional letters. Composes the
 * single-job extractors: classify the document, read ratings tables, fill a single unit's ratings from
 * its body headings, then key questions, recommendations and findings. A document that shows neither
 * the Inspectorate nor a known framework, or prints no ratings at all, comes out as {@code other}.
 */
public final class InspectionExtractor implements Extractor {
    private static final Pattern UNIT_IN_TITLE = Pattern.compile("(?i)\\bin:\\s*(.+)$");

    private final Rules rules;
    private final RatingWords words;
    private final DocumentClassifier classifier;
    private final RatingsTableExtractor tables;
    private final BodyRatingExtractor body;
    private final SummaryRatings summary;
    private final KeyQuestionExtractor keyQuestions = new KeyQuestionExtractor();
    private final RecommendationExtractor recommendations;
    private final FindingExtractor findings = new FindingExtractor();
    private final ConsistencyNotes consistency;
    private final StatedRatingReader statedRatings = new StatedRatingReader();

    public InspectionExtractor() { this(Rules.standard()); }

    public InspectionExtractor(Rules rules) {
        this.rules = rules;
        this.words = new RatingWords(rules);
        this.classifier = new DocumentClassifier(rules);
        this.tables = new RatingsTableExtractor(rules, words);
        this.body = new BodyRatingExtractor(words);
        this.summary = new SummaryRatings(words);
        this.recommendations = new RecommendationExtractor(rules);
        this.consistency = new ConsistencyNotes(rules);
    }

    @Override
    public Extraction extract(LaidOutDocument doc) {
        DocRows rows = new DocRows(doc);
        Notes notes = new Notes();
        DocumentFacts facts = classifier.classify(rows, notes);
        if (!facts.inspectorate() || facts.framework() == null) return otherOrPressRelease(doc, facts);
        Rules.Framework framework = facts.framework();

        RatingsTableExtractor.Result table = tables.extract(rows, framework, notes);
        List<ProviderDraft> drafts = new ArrayList<>(table.providers());
        // several ratings tables make it a multi-unit summary even when the letter's salutation was lost
        boolean multiUnit = facts.letter() || drafts.size() > 1;
        if (!multiUnit) {
            if (drafts.isEmpty()) drafts.add(new ProviderDraft());
            completeSingleUnit(rows, drafts.get(0), table, facts, framework, notes);
        } else {
            for (ProviderDraft p : drafts) completeFromSummary(rows, p, notes);
        }
        drafts.removeIf(p -> p.ratings.isEmpty() && p.overallRating == null);
        if (drafts.isEmpty()) return otherOrPressRelease(doc, facts);

        List<Provider> providers = new ArrayList<>();
        for (ProviderDraft p : drafts) {
            p.type = framework.providerType();
            sortRatings(p);
            ScoreParser.check(p, rules).ifPresent(notes::add);
            providers.add(p.toProvider());
        }
        String singleProvider = !multiUnit && providers.size() == 1 ? providers.get(0).name() : null;
        List<Recommendation> recs = recommendations.extract(rows, singleProvider, notes);
        List<KeyQuestion> kqs = keyQuestions.extract(rows, framework, singleProvider, table.consumedRows(), notes);
        List<Finding> found = findings.extract(rows, framework, singleProvider, table.consumedRows());
        consistency.check(rows, providers, kqs, recs, multiUnit, notes);
        if (multiUnit) {
            summary.check(rows, providers, recs.stream().map(Recommendation::provider).distinct().toList(), notes);
        }
        String docType = framework.docType(multiUnit);
        if (multiUnit && !facts.letter()) notes.add("Read as a multi-unit document (" + docType + ") from its " + providers.size() + " ratings tables; no letter salutation was found.");
        if (facts.region() == null) notes.add("No probation region or NPS division name was found.");
        return new Extraction(doc.docId(), docType, facts.title(), rules.inspectorate(), facts.published(),
                facts.region(), framework.id(), providers, kqs, recs, found, notes.list());
    }

    // ---- issue 13 hook (stated ratings): the only change to this class; keep it when restructuring ----
    /**
     * A document that is not a report: {@code other}, unless its sentences state units' overall ratings (a press
     * release or a report's landing page), then {@code press_release} carrying those stated ratings and nothing
     * read from tables. (Issue 15's per-document status belongs here too: {@code not_a_report} for both.)
     */
    private Extraction otherOrPressRelease(LaidOutDocument doc, DocumentFacts facts) {
        String title = facts.title() != null ? facts.title() : doc.source().metadata().get("title");
        List<StatedRating> stated = statedRatings.read(doc);
        if (stated.isEmpty()) return Extraction.other(doc.docId(), title);
        List<String> notes = List.of("Read as a press release or landing page: " + stated.size()
                + " overall rating(s) stated in sentences; no ratings tables.");
        return new Extraction(doc.docId(), "press_release", title, facts.inspectorate() ? rules.inspectorate() : null,
                facts.published(), null, null, List.of(), List.of(), List.of(), List.of(), notes, stated);
    }
    // ---- end of issue 13 hook ----

    /** A single-unit report: body ratings fill what the table lacks; name and overall rating have fallbacks. */
    private void completeSingleUnit(DocRows rows, ProviderDraft p, RatingsTableExtractor.Result table,
                                    DocumentFacts facts, Rules.Framework framework, Notes notes) {
        boolean hadTable = p.hasRatings();
        Map<String, StandardRating> fromBody = body.extract(rows, framework, table.consumedRows(), notes);
        for (StandardRating r : fromBody.values()) {
            StandardRating inTable = p.ratings.get(r.standard());
            if (inTable == null) {
                p.ratings.put(r.standard(), r);
                if (hadTable) notes.add("Standard " + r.standard() + " has no row in the ratings table; its rating '" + r.rating() + "' is taken from the body.");
            } else if (!inTable.rating().equals(r.rating())) {
                notes.add("Standard " + r.standard() + " is '" + inTable.rating() + "' in the ratings table but '" + r.rating() + "' in the body; table value kept.");
            }
        }
        if (p.overallRating == null) {
            body.overall(rows).ifPresent(o -> p.overallRating = o);
        }
        String unit = unitFromTitle(facts.title());
        if (p.name == null && unit != null) {
            p.name = unit;
        } else if (p.name != null && unit != null && !p.name.equalsIgnoreCase(unit)
                && unit.toLowerCase(Locale.ROOT).endsWith(p.name.toLowerCase(Locale.ROOT))) {
            notes.add("The ratings table prints the unit as '" + p.name + "' (clipped by the converter); name taken from the title: '" + unit + "'.");
            p.name = unit;
        }
        if (p.provenance == null && !fromBody.isEmpty()) p.provenance = fromBody.values().iterator().next().provenance();
    }

    private void completeFromSummary(DocRows rows, ProviderDraft p, Notes notes) {
        if (p.overallRating != null || p.name == null) return;
        Optional<String> s = summary.lookup(rows, p.name, words);
        if (s.isPresent()) {
            p.overallRating = s.get();
            notes.add("Overall rating of " + p.name + " taken from the summary text ('" + s.get() + "') because its ratings table does not print one.");
        } else {
            notes.add("No overall rating found for " + p.name + ".");
        }
    }

    private static String unitFromTitle(String title) {
        if (title == null) return null;
        Matcher m = UNIT_IN_TITLE.matcher(title);
        return m.find() ? m.group(1).strip() : null;
    }

    private static void sortRatings(ProviderDraft p) {
        List<StandardRating> sorted = new ArrayList<>(p.ratings.values());
        sorted.sort(Comparator.comparing(StandardRating::standard));
        p.ratings.clear();
        sorted.forEach(r -> p.ratings.put(r.standard(), r));
    }
}
