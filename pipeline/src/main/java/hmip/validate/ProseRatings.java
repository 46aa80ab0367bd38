package hmip.validate;

import hmip.reference.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds ratings stated in prose, in the Inspectorate's phrasing: "we rated A, B, and C as 'Requires
 * improvement', while D and E were rated as 'Inadequate'", "X PDU is rated as 'Inadequate' for assessment",
 * "the division is rated as: Good", "the PDU was rated as 'Requires improvement' overall". A rating word must be
 * quoted (or follow "rated as:"), and subjects must read as names (capitalised words joined by and, with, &...),
 * so counts such as "two were rated outstanding" or "three standards were rated 'Inadequate'" are not taken.
 */
public final class ProseRatings {
    private static final String RATING = "(Outstanding|Good|Requires\\s+[Ii]mprovement|Inadequate)";
    private static final Pattern MENTION = Pattern.compile(
            "['‘’\"“”]\\s*" + RATING + "\\s*['‘’\"“”]|(?<=rated as:\\s{0,3})" + RATING + "\\b");
    private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?])\\s+|\\n\\s*\\n");
    private static final Pattern PASSIVE = Pattern.compile(
            "(?i)\\s*\\b(?:(?:is|are|was|were|has been|have been|been|being)\\s+)?rated(?:\\s+as)?\\s*:?\\s*$");
    private static final Pattern ACTIVE_AS = Pattern.compile("\\s+as\\s*$");
    private static final Pattern WE_RATED = Pattern.compile("(?i)\\bwe\\s+(?:have\\s+)?rated\\s+");
    private static final Set<String> CONNECTORS = Set.of("and", "with", "upon", "on", "of", "&", "under", "in");
    private static final Set<String> TRAILING_LOWER = Set.of("division", "region", "pdu");
    private static final Pattern AFTER_FOR = Pattern.compile("(?i)^\\s*for\\s+(?:its\\s+|the\\s+)?([a-z][a-z ]+)");
    private static final Pattern AFTER_OVERALL = Pattern.compile("(?i)^\\s*overall\\b");

    private final Reference ref;

    public ProseRatings(Reference ref) { this.ref = ref; }

    /** All rating statements on one page, in text order. */
    public List<RatingStatement> find(PageText page, String framework) {
        String text = page.text();
        List<RatingStatement> out = new ArrayList<>();
        // only sentences with "rated" are read below: most pages have none, so skip splitting them
        if (!text.toLowerCase(Locale.ROOT).contains("rated")) return out;
        int sentenceStart = 0;
        Matcher br = SENTENCE_BREAK.matcher(text);
        List<int[]> sentences = new ArrayList<>();
        while (br.find()) {
            sentences.add(new int[] {sentenceStart, br.start()});
            sentenceStart = br.end();
        }
        sentences.add(new int[] {sentenceStart, text.length()});
        sentences = splitAfterHeadings(text, sentences);
        for (int[] s : sentences) {
            String sentence = text.substring(s[0], s[1]);
            if (!sentence.toLowerCase(Locale.ROOT).contains("rated")) continue;
            for (RatingStatement st : inSentence(page.page(), s[0], sentence.replace('\n', ' '), framework)) {
                if (!st.overall() && st.standard() == null && st.inThisArea()) {
                    String code = sectionStandard(text, s[0], framework);
                    if (code != null) {
                        st = new RatingStatement(st.page(), st.start(), st.end(), st.sentence(), st.subjects(), st.thePdu(),
                                st.rating(), false, code, false);
                    }
                }
                out.add(st);
            }
        }
        return out;
    }

    /** A line this short without closing punctuation is a heading or a table cell, not part of the next sentence. */
    static final int HEADING_MAX_WORDS = 5;

    /** Splits sentence spans after heading-like lines ("2.3. Planning", "Summary", "49%") followed by a capital. */
    /** Whitespace-separated words in a stripped line (as {@code line.split("\\s+").length}). */
    private static int words(String line) {
        int n = 0;
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            boolean space = Character.isWhitespace(line.charAt(i));
            if (!space && !inWord) n++;
            inWord = !space;
        }
        return n;
    }

    private static List<int[]> splitAfterHeadings(String text, List<int[]> sentences) {
        List<int[]> out = new ArrayList<>();
        for (int[] s : sentences) {
            int start = s[0];
            int lineStart = s[0] == 0 ? 0 : text.lastIndexOf('\n', s[0] - 1) + 1; // the whole line, not the sentence's tail
            for (int i = s[0]; i < s[1]; i++) {
                if (text.charAt(i) != '\n') continue;
                String line = text.substring(lineStart, i).strip();
                int next = i + 1;
                while (next < s[1] && Character.isWhitespace(text.charAt(next))) next++;
                boolean heading = !line.isEmpty() && words(line) <= HEADING_MAX_WORDS
                        && ".!?:;,".indexOf(line.charAt(line.length() - 1)) < 0;
                if (heading && next < s[1] && Character.isUpperCase(text.charAt(next))) {
                    out.add(new int[] {start, i});
                    start = next;
                }
                lineStart = i + 1;
            }
            out.add(new int[] {start, s[1]});
        }
        return out;
    }

    private static final Pattern SECTION_HEADING = Pattern.compile("(?m)^\\s*(\\d\\.\\d)\\.?\\s+(\\p{L}[\\p{L} ]+?)\\s*$");

    /**
     * The standard whose section a statement sits in, from the last heading "2.2. Assessment" above it on the same
     * page; the heading's code and name must agree with the framework. Null when there is none.
     */
    private String sectionStandard(String text, int before, String framework) {
        Matcher h = SECTION_HEADING.matcher(text.substring(0, before));
        String code = null;
        while (h.find()) {
            Optional<Reference.Standard> std = ref.standard(framework, h.group(1));
            if (std.isPresent() && std.get().name().equalsIgnoreCase(h.group(2).strip())) code = std.get().code();
        }
        return code;
    }

    private List<RatingStatement> inSentence(int page, int offset, String sentence, String framework) {
        List<RatingStatement> out = new ArrayList<>();
        Matcher m = MENTION.matcher(sentence);
        List<int[]> mentions = new ArrayList<>();
        List<String> words = new ArrayList<>();
        while (m.find()) {
            mentions.add(new int[] {m.start(), m.end()});
            words.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        for (int i = 0; i < mentions.size(); i++) {
            int segStart = i == 0 ? 0 : mentions.get(i - 1)[1];
            String segment = sentence.substring(segStart, mentions.get(i)[0]);
            String subjectText;
            Matcher passive = PASSIVE.matcher(segment);
            if (passive.find() && segment.substring(0, passive.start()).strip().length() > 0
                    && !segment.substring(passive.start()).isBlank()) {
                subjectText = segment.substring(0, passive.start());
            } else {
                Matcher as = ACTIVE_AS.matcher(segment);
                if (!as.find()) continue;
                subjectText = segment.substring(0, as.start());
                Matcher we = WE_RATED.matcher(subjectText);
                int after = -1;
                while (we.find()) after = we.end();
                if (after >= 0) subjectText = subjectText.substring(after);
                else if (i == 0) continue; // "X as 'Good'" without "we rated" is not a rating statement
            }
            boolean thePdu = subjectText.matches("(?is).*\\bthe\\s+(pdu|division|probation delivery unit)\\s*$");
            List<String> subjects = thePdu ? List.of() : names(subjectText);
            if (subjects.isEmpty() && !thePdu) continue;
            String after = sentence.substring(mentions.get(i)[1],
                    i + 1 < mentions.size() ? mentions.get(i + 1)[0] : sentence.length());
            boolean overall = false;
            String standard = null;
            boolean inThisArea = false;
            Matcher f = AFTER_FOR.matcher(after);
            if (AFTER_OVERALL.matcher(after).find()) {
                overall = true;
            } else if (f.find()) {
                standard = standardNamed(framework, f.group(1)).orElse(null);
            } else if (after.matches("(?is)^\\s*in\\s+this\\s+(area|standard)\\b.*")) {
                inThisArea = true; // the standard is the section's: see sectionStandard
            } else if (!after.matches("(?is)^\\s*(in|at|across|within)\\b.*")) {
                overall = true; // "we rated X as 'Good'." / "is rated as: Good." rates the unit as a whole
            }
            String rating = ref.normaliseRating(words.get(i).replaceAll("\\s+", " ")).orElse(words.get(i));
            out.add(new RatingStatement(page, offset + segStart, offset + mentions.get(i)[1], sentence.strip(),
                    subjects, thePdu, rating, overall, standard, inThisArea));
        }
        return out;
    }

    private Optional<String> standardNamed(String framework, String words) {
        String w = words.toLowerCase(Locale.ROOT).strip();
        return ref.standards(framework).stream()
                .sorted((a, b) -> b.name().length() - a.name().length())
                .filter(s -> w.startsWith(s.name().toLowerCase(Locale.ROOT)))
                .map(Reference.Standard::code).findFirst();
    }

    /** The trailing run of name-like words in a subject text, split into names at commas and list 'and's. */
    List<String> names(String subjectText) {
        String[] tokens = subjectText.strip().split("\\s+");
        int startTok = tokens.length;
        for (int t = tokens.length - 1; t >= 0; t--) {
            String tok = tokens[t].replaceAll(",$", "");
            boolean last = t == tokens.length - 1;
            if (tok.isEmpty()) { startTok = t; continue; }
            boolean capital = Character.isUpperCase(tok.codePointAt(0)) || tok.matches("\\([A-Z]+\\)");
            boolean connector = CONNECTORS.contains(tok.toLowerCase(Locale.ROOT)) && !tokens[t].endsWith(",");
            boolean trailingLower = last && TRAILING_LOWER.contains(tok.toLowerCase(Locale.ROOT));
            if (capital || trailingLower || (connector && !last)) startTok = t;
            else break;
        }
        // a run must start with a capitalised word
        while (startTok < tokens.length && !Character.isUpperCase(tokens[startTok].codePointAt(0))) startTok++;
        if (startTok >= tokens.length) return List.of();
        String run = String.join(" ", java.util.Arrays.copyOfRange(tokens, startTok, tokens.length));
        List<String> names = new ArrayList<>();
        for (String piece : run.split(",")) {
            String p = piece.strip().replaceFirst("(?i)^and\\s+", "").strip();
            if (p.isEmpty()) continue;
            if (ref.gazetteer().resolve(p, null).resolved() || !p.contains(" and ")) {
                names.add(p);
                continue;
            }
            String[] parts = p.split("\\s+and\\s+");
            boolean all = true;
            for (String part : parts) all &= ref.gazetteer().resolve(part, null).resolved();
            if (all) names.addAll(List.of(parts));
            else names.add(p);
        }
        return names;
    }
}
