package hmip.extract;

import hmip.extract.stated.StatedRatingReader;
import hmip.model.Extraction;
import hmip.model.Finding;
import hmip.model.KeyQuestion;
import hmip.model.LaidOutDocument;
import hmip.model.LaidOutPage;
import hmip.model.Provider;
import hmip.model.Recommendation;
import hmip.model.StatedRating;
import hmip.reference.Reference;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The extraction stage for HM Inspectorate of Probation reports and regional letters: a laid-out document
 * in, an {@link Extraction} out, a pure function of the document and the {@link Reference}. It runs the
 * readers in order over one {@link ExtractionContext}, each seeing what the earlier ones read:
 * classification, ratings, then key questions, recommendations and findings.
 *
 * <p>No reader can take the document down: a reader that throws is recorded as a gap ("the key questions
 * could not be read: ...") and the others' results are kept. A document that shows neither the Inspectorate
 * nor a known framework, or prints no ratings at all, comes out as {@code other}.
 */
public final class InspectionExtractor {
    private final Reference reference;
    private final DocumentClassifier classifier = new DocumentClassifier();
    private final RatingsReader ratings = new RatingsReader();
    private final KeyQuestionReader keyQuestions = new KeyQuestionReader();
    private final RecommendationReader recommendations = new RecommendationReader();
    private final FindingReader findings = new FindingReader();
    private final StatedRatingReader statedRatings = new StatedRatingReader();
    private final PageNumbering pageNumbering = new PageNumbering();

    public InspectionExtractor(Reference reference) {
        this.reference = reference;
    }

    public Extraction extract(LaidOutDocument doc) {
        List<String> notes = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        DocumentText text;
        try {
            text = new DocumentText(doc);
        } catch (RuntimeException e) {
            gaps.add("The document's text could not be arranged into rows (" + describe(e) + "); nothing was extracted.");
            return Extraction.other(doc.docId(), null, null, notes, gaps);
        }
        ExtractionContext context = ExtractionContext.of(text, reference);
        run(pageNumbering, context, null, notes, gaps);
        long ocr = doc.pages().stream().filter(LaidOutPage::ocr).count();
        if (ocr > 0) {
            // OCR misreads digits and words at times: values read from such pages are for checking, not trusting
            gaps.add(ocr + " of " + doc.pages().size() + " pages were read by OCR (scanned, or a text layer that does"
                    + " not decode): check their values against the document");
        }
        DocumentFacts facts = run(classifier, context, null, notes, gaps);
        if (facts == null) return Extraction.other(doc.docId(), null, firstHeading(text), notes, gaps);
        String display = displayTitle(facts, text);
        if (!facts.inspectorate() || facts.framework() == null) return otherOrPressRelease(doc, facts, display, notes, gaps);
        context = context.withFacts(facts);
        RatingsReader.Ratings read = run(ratings, context, null, notes, gaps);
        if (read == null || read.providers().isEmpty()) {
            if (read != null) notes.add("No ratings tables were found: the document is not read as an inspection report.");
            return otherOrPressRelease(doc, facts, display, notes, gaps);
        }
        context = context.withRatings(read);
        List<Provider> providers = read.providers();
        List<KeyQuestion> kqs = run(keyQuestions, context, List.of(), notes, gaps);
        List<Recommendation> recs = run(recommendations, context, List.of(), notes, gaps);
        List<Finding> found = run(findings, context, List.of(), notes, gaps);
        Reference.Framework framework = facts.framework();
        if (facts.region() == null) notes.add("No probation region or NPS division name was found.");
        return new Extraction(doc.docId(), framework.docType(read.multiUnit()), facts.title(), reference.inspectorate(),
                facts.published(), facts.region(), framework.id(), providers, kqs, recs, found, notes, List.of(),
                display, gaps);
    }

    /**
     * A document that is not a report: {@code other}, unless its sentences state units' overall ratings (a press
     * release or a report's landing page), then {@code press_release} carrying those stated ratings and nothing
     * read from tables; its status is {@code not_a_report}. A document whose cover names an inspection but whose
     * framework could not be told is {@code other} too, with a gap that makes it {@code partial}.
     */
    private Extraction otherOrPressRelease(LaidOutDocument doc, DocumentFacts facts, String display, List<String> notes,
                                           List<String> gaps) {
        String title = facts.title() != null ? facts.title() : doc.source().metadata().get("title");
        List<StatedRating> stated;
        try {
            stated = statedRatings.read(doc);
        } catch (RuntimeException e) {
            gaps.add("The stated ratings could not be read (" + describe(e) + ").");
            stated = List.of();
        }
        String shown = display != null ? display : title;
        if (stated.isEmpty() && facts.inspectorate() && facts.title() != null) {
            // the cover or running header names one of the inspectorate's inspections: a report this reading
            // could not follow (a fragment, a scan, a template the reference does not describe), not "no report"
            gaps.add("the document reads as an inspection report ('" + facts.title() + "') but none of the known "
                    + "frameworks' headings, ratings tables or recommendations were found: a fragment of a report, "
                    + "or a template the reference does not describe");
            return Extraction.unreadReport(doc.docId(), facts.title(), reference.inspectorate(), facts.published(),
                    shown, notes, gaps);
        }
        if (stated.isEmpty()) return Extraction.other(doc.docId(), title, shown, notes, gaps);
        List<String> all = new ArrayList<>(notes);
        all.add("Read as a press release or landing page: " + stated.size()
                + " overall rating(s) stated in sentences; no ratings tables.");
        return new Extraction(doc.docId(), Reference.PRESS_RELEASE, title, facts.inspectorate() ? reference.inspectorate() : null,
                facts.published(), null, null, List.of(), List.of(), List.of(), List.of(), all, stated, shown, gaps);
    }

    /** Runs one reader; its notes join the document's, and a failure becomes a gap instead of an exception. */
    private static <T> T run(Reader<T> reader, ExtractionContext context, T fallback, List<String> notes, List<String> gaps) {
        try {
            Read<T> r = reader.read(context);
            for (String n : r.notes()) if (!notes.contains(n)) notes.add(n);
            for (String g : r.gaps()) if (!gaps.contains(g)) gaps.add(g);
            return r.value();
        } catch (RuntimeException | StackOverflowError e) {
            gaps.add("The " + reader.name() + " could not be read (" + describe(e) + "); they are missing from this extraction.");
            return fallback;
        }
    }

    private static String describe(Throwable e) {
        String msg = e.getMessage();
        return e.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
    }

    /**
     * The printed title, or one composed from what the first page prints: a letter names its region and
     * date ("Regional letter: North West region, 27 July 2023"); anything else its first heading.
     */
    private static String displayTitle(DocumentFacts facts, DocumentText text) {
        if (facts.title() != null) return facts.title();
        if (facts.letter() && facts.region() != null) {
            String date = readableDate(facts.published());
            return "Regional letter: " + facts.region() + (facts.region().toLowerCase(Locale.ROOT).endsWith("region") ? "" : " region")
                    + (date == null ? "" : ", " + date);
        }
        return firstHeading(text);
    }

    private static String readableDate(String iso) {
        if (iso == null) return null;
        try {
            if (iso.length() == 10) return LocalDate.parse(iso).format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
            if (iso.length() == 7) return LocalDate.parse(iso + "-01").format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK));
        } catch (RuntimeException e) {
            return iso;
        }
        return iso;
    }

    /** The first short line of the first page that reads like a heading (bold, or the very first line). */
    private static String firstHeading(DocumentText text) {
        Row first = null;
        for (Row r : text.rows()) {
            if (r.page() != text.rows().get(0).page()) break;
            String t = r.text().strip();
            if (t.length() < 4 || t.length() > 150) continue;
            if (first == null) first = r;
            if (r.bold()) return t;
        }
        return first == null ? null : first.text().strip();
    }
}
