package hmip.extract.stated;

import hmip.model.LaidOutDocument;
import hmip.model.LaidOutPage;
import hmip.model.Provenance;
import hmip.model.Score;
import hmip.model.StatedRating;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the overall ratings a press release or landing page states, unit by unit: a pure function of the text.
 * Each sentence is tried against every rule of {@code patterns.json}; a rule gives the rating and where its units
 * are printed, {@link UnitPhrases} reads them. "The PDU" / "it" take the unit named last before them (skipped when
 * that sentence named several units of the kind). A score ("scoring just two inspection points out of a possible
 * 27") joins the statement of its sentence, or of the unit its sentence opens with. Ratings of a single standard
 * ("rated 'Inadequate' for assessment") and of an earlier inspection ("at its last inspection ... was rated") are
 * not taken. One unit stated twice with the same rating counts once.
 */
public final class StatedRatingReader {
    private static final Pattern ANY_RATING = Pattern.compile(
            "['‘’\"“”]?(?i:outstanding|good|requires\\s+improvement|inadequate)(?![\\p{L}])['‘’\"“”]?");
    private static final Pattern SCORE_VERB_AT_END = Pattern.compile("(?i)(?:\\s+(?:has\\s+|have\\s+|was\\s+|were\\s+)?"
            + "(?:scored|scoring|received|receiving|achieved|gained|awarded|got)(?:\\s+(?:just|only|a\\s+total\\s+of))?)?\\s*$");
    private static final Pattern EARLIER_RIGHT_AFTER = Pattern.compile(
            "(?i)^\\W{0,3}(?:at|in|during|following)\\s+(?:its|their|the)\\s+(?:last|previous|earlier|first|2\\d{3})\\s+inspection");

    private final StatedRatingRules rules;

    public StatedRatingReader() { this.rules = StatedRatingRules.standard(); }

    /** How many rating sentence patterns the rules hold (documented figure; a test checks each one's example). */
    public int ratingPatterns() { return rules.ratings.size(); }

    /** Stated ratings of every page of a laid-out document; provenance is the page and its body-text span. */
    public List<StatedRating> read(LaidOutDocument doc) {
        List<StatedRating> out = new ArrayList<>();
        for (LaidOutPage p : doc.pages()) out.addAll(read(doc.docId(), p.number(), p.text()));
        return merge(out);
    }

    /** Stated ratings of one text (no document: provenance has a null doc id and page 1). */
    public List<StatedRating> read(String text) {
        return read(null, 1, text);
    }

    /** Stated ratings of one page's text; spans index into {@code text}. */
    public List<StatedRating> read(String docId, int page, String text) {
        if (text == null || text.isBlank() || !ANY_RATING.matcher(text).find()) return List.of();
        List<int[]> sentences = Sentences.split(text);
        List<Mention> mentions = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            int[] s = sentences.get(i);
            for (UnitPhrases.Phrase p : UnitPhrases.mentions(text.substring(s[0], s[1]))) {
                mentions.add(new Mention(i, s[0] + p.start(), p));
            }
        }
        List<Statement> statements = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            int[] s = sentences.get(i);
            String sentence = text.substring(s[0], s[1]);
            if (!ANY_RATING.matcher(sentence).find()) continue;
            for (StatedRatingRules.RatingRule rule : rules.ratings) {
                Matcher m = rule.pattern().matcher(sentence);
                int from = 0;
                while (from <= sentence.length() && m.find(from)) {
                    from = m.end() > m.start() ? m.end() : m.start() + 1;
                    read(rule, m, sentence, s[0], i, mentions, statements);
                }
            }
        }
        statements.sort(Comparator.comparingInt(Statement::start));
        List<Statement> unique = new ArrayList<>();
        for (Statement st : statements) {
            // two rules reading the same rating mention of the same unit: the first (in rule order) stands
            boolean dup = unique.stream().anyMatch(u -> u.ratingStart == st.ratingStart && u.unit.equals(st.unit));
            if (!dup) unique.add(st);
        }
        attachScores(text, sentences, mentions, unique);
        List<StatedRating> out = new ArrayList<>();
        for (Statement st : unique) {
            out.add(new StatedRating(st.unit.printed(), st.unit.name(), st.unit.type(), st.rating,
                    st.points == null ? null : new Score(st.points, st.max, new Provenance(docId, page, st.scoreStart, st.scoreEnd, null)),
                    st.sentence, st.rule, new Provenance(docId, page, st.start, st.end, null)));
        }
        return merge(out);
    }

    /** A named unit and where it is printed: the sentence index and absolute offset. */
    private record Mention(int sentence, int at, UnitPhrases.Phrase unit) {}

    /** One statement found; mutable only while scores are attached. */
    private static final class Statement {
        final UnitPhrases.Phrase unit;
        final String rating, sentence, rule;
        final int start, end, ratingStart, sentenceIndex;
        Integer points, max;
        int scoreStart, scoreEnd;

        Statement(UnitPhrases.Phrase unit, String rating, String sentence, String rule, int start, int end,
                  int ratingStart, int sentenceIndex) {
            this.unit = unit;
            this.rating = rating;
            this.sentence = sentence;
            this.rule = rule;
            this.start = start;
            this.end = end;
            this.ratingStart = ratingStart;
            this.sentenceIndex = sentenceIndex;
        }

        int start() { return start; }
    }

    private void read(StatedRatingRules.RatingRule rule, Matcher m, String sentence, int offset, int sentenceIndex,
                      List<Mention> mentions, List<Statement> out) {
        List<UnitPhrases.Phrase> units;
        int shift;
        switch (rule.units()) {
            case BEFORE -> { units = UnitPhrases.trailing(sentence.substring(0, m.start())); shift = 0; }
            case BETWEEN -> { units = UnitPhrases.leading(m.group("units"), true); shift = m.start("units"); }
            default -> { units = UnitPhrases.leading(sentence.substring(m.end()), false); shift = m.end(); }
        }
        if (units.isEmpty()) return;
        String after = sentence.substring(m.end());
        if (rule.overallOnly() && rules.notOverallAfter.matcher(after).find()) return; // a standard's rating
        int firstUnit = shift + units.get(0).start();
        if (!rule.pastAllowed() && (earlierBefore(sentence, Math.min(firstUnit, m.start()))
                || EARLIER_RIGHT_AFTER.matcher(after).find())) {
            return; // the rating of an earlier inspection
        }
        String rating = canonical(m.group("rating"));
        int ratingStart = offset + m.start("rating");
        int ratingEnd = offset + m.end("rating");
        for (UnitPhrases.Phrase u : units) {
            int at = offset + shift + u.start();
            UnitPhrases.Phrase unit = u.reference() ? antecedent(u, at, sentenceIndex, mentions) : u;
            if (unit == null) continue;
            int start = Math.min(at, ratingStart), end = Math.max(offset + shift + u.end(), ratingEnd);
            out.add(new Statement(unit, rating, sentence, rule.id(), start, end, ratingStart, sentenceIndex));
        }
    }

    /** Whether the sentence, between its last earlier rating word and this statement, speaks of an earlier inspection. */
    private boolean earlierBefore(String sentence, int upTo) {
        String before = sentence.substring(0, upTo);
        Matcher r = ANY_RATING.matcher(before);
        int from = 0;
        while (r.find()) from = r.end();
        return rules.earlierInspection.matcher(before.substring(from)).find();
    }

    /**
     * The unit a reference ("the PDU", "it") stands for: the last named unit of a fitting kind before it, unless the
     * sentence naming it also names another such unit (then the reference is ambiguous and nothing is taken).
     */
    private static UnitPhrases.Phrase antecedent(UnitPhrases.Phrase ref, int at, int sentenceIndex, List<Mention> mentions) {
        Mention last = null;
        for (Mention m : mentions) {
            if (m.at() >= at) break;
            if (fits(ref, m.unit())) last = m;
        }
        if (last == null) return null;
        for (Mention m : mentions) {
            if (m.sentence() == last.sentence() && fits(ref, m.unit()) && !sameUnit(m.unit(), last.unit())
                    && (m.sentence() != sentenceIndex || m.at() < at)) {
                return null;
            }
        }
        return last.unit();
    }

    private static boolean fits(UnitPhrases.Phrase ref, UnitPhrases.Phrase named) {
        return ref.type() == null || named.type() == null || ref.type().equals(named.type());
    }

    private static boolean sameUnit(UnitPhrases.Phrase a, UnitPhrases.Phrase b) {
        return a.name().equalsIgnoreCase(b.name()) && java.util.Objects.equals(a.type(), b.type());
    }

    /**
     * Scores join the statement of their own sentence (the one printed last before the score, else the first after
     * it), or, in a sentence without a statement, the statement of the unit the sentence opens with ("It scored ...",
     * "The PDU received ...", "Gwent PDU scored ...").
     */
    private void attachScores(String text, List<int[]> sentences, List<Mention> mentions, List<Statement> statements) {
        for (int i = 0; i < sentences.size(); i++) {
            int[] s = sentences.get(i);
            String sentence = text.substring(s[0], s[1]);
            for (StatedRatingRules.ScoreRule rule : rules.scores) {
                Matcher m = rule.pattern().matcher(sentence);
                while (m.find()) {
                    Integer points = NumberWords.parse(m.group("points")), max = NumberWords.parse(m.group("max"));
                    // a score is 0-3 points per rated standard: anything else is some other count
                    if (points == null || max == null || max == 0 || max % 3 != 0 || max > 45 || points > max) continue;
                    Statement target = sameSentence(statements, i, s[0] + m.start());
                    if (target == null) target = bySubject(sentence, m.start(), s[0], i, mentions, statements);
                    if (target == null || target.points != null) continue;
                    target.points = points;
                    target.max = max;
                    target.scoreStart = s[0] + m.start();
                    target.scoreEnd = s[0] + m.end();
                }
            }
        }
    }

    private static Statement sameSentence(List<Statement> statements, int sentenceIndex, int at) {
        Statement before = null, after = null;
        for (Statement st : statements) {
            if (st.sentenceIndex != sentenceIndex) continue;
            if (st.start <= at) before = st;
            else if (after == null) after = st;
        }
        return before != null ? before : after;
    }

    private static Statement bySubject(String sentence, int scoreAt, int offset, int sentenceIndex,
                                       List<Mention> mentions, List<Statement> statements) {
        // "...; Gwent PDU scored 15 out of 27": the unit just before the score, else the one the sentence opens with
        String before = SCORE_VERB_AT_END.matcher(sentence.substring(0, scoreAt)).replaceFirst("");
        List<UnitPhrases.Phrase> subject = UnitPhrases.trailing(before);
        if (subject.isEmpty()) subject = UnitPhrases.leading(sentence, false);
        if (subject.size() != 1) return null;
        UnitPhrases.Phrase u = subject.get(0);
        UnitPhrases.Phrase unit = u.reference() ? antecedent(u, offset + u.start(), sentenceIndex, mentions) : u;
        if (unit == null) return null;
        Statement found = null;
        for (Statement st : statements) if (sameUnit(st.unit, unit) && (found == null || st.sentenceIndex < sentenceIndex)) found = st;
        return found;
    }

    /** One unit stated several times with the same rating counts once (the first, with any score stated later). */
    private static List<StatedRating> merge(List<StatedRating> all) {
        Map<String, StatedRating> out = new LinkedHashMap<>();
        for (StatedRating r : all) {
            String key = String.valueOf(r.unit()).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip()
                    + '\t' + r.providerType() + '\t' + r.rating();
            StatedRating prev = out.get(key);
            if (prev == null) out.put(key, r);
            else if (prev.score() == null && r.score() != null) out.put(key, prev.withScore(r.score()));
        }
        return List.copyOf(out.values());
    }

    /** The rating scale's spelling: "Requires improvement", "Good" ... */
    static String canonical(String printed) {
        String s = printed.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
