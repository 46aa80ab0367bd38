package hmip.extract;

import hmip.model.Provenance;
import hmip.model.StandardRating;
import hmip.reference.Reference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ratings printed beside the standards in the body of a single-unit report (and in a 2018 report's
 * Annex 2): the rating sits in a right-hand column next to the standard statement, so converters put it
 * on its own line after the heading or statement or glue it to the end of a statement line ("Requires" /
 * "improvement" split over two lines is joined by {@link DocumentText}). Only the few lines after a standard heading are searched,
 * so a rating word elsewhere in prose is never taken. Also reads the overall rating sentence
 * ("Overall, the ... division is rated as: Good.").
 */
final class BodyRatings {
    private static final int WINDOW = 6;
    private static final Pattern KQ_CODE = Pattern.compile("^\\d\\.\\d\\.\\d\\.?\\s");

    private final RatingWords words;
    private final Pattern overallSentence;
    private final Pattern overallAfter;

    BodyRatings(RatingWords words) {
        this.words = words;
        String alt = words.alternation();
        this.overallSentence = Pattern.compile("(?i)\\boverall\\b[^.]{0,160}?\\b(?:is|was|has been) rated(?: as)?:?\\s*['‘’\"“]?(" + alt + ")\\b");
        this.overallAfter = Pattern.compile("(?i)\\b(?:is|was|has been) rated(?: as)?:?\\s*['‘’\"“]?(" + alt + ")['’\"”]?\\s+overall\\b");
    }

    /** Standard code to rating, first occurrence kept; disagreements between occurrences are noted. */
    Map<String, StandardRating> extract(DocumentText rows, Reference.Framework framework, Set<Integer> skip, Read.Notes notes) {
        Map<String, StandardRating> out = new LinkedHashMap<>();
        List<StandardHeadings.Heading> headings = StandardHeadings.find(rows, framework, skip);
        for (StandardHeadings.Heading h : headings) {
            Optional<Reference.Standard> std = framework.standard(h.code());
            if (std.isEmpty()) continue;
            find(rows, h, framework).ifPresent(found -> {
                StandardRating prev = out.putIfAbsent(h.code(), new StandardRating(h.code(), found.rating, found.provenance));
                if (prev != null && !prev.rating().equals(found.rating)) {
                    notes.add("Standard " + h.code() + " is printed as '" + prev.rating() + "' and elsewhere as '" + found.rating + "'; first kept.");
                }
                if (!std.get().rated()) {
                    notes.add("Standard " + h.code() + " (" + std.get().name() + ") is printed with a rating although the framework does not rate it.");
                }
            });
        }
        return out;
    }

    private record Found(String rating, Provenance provenance) {}

    private Optional<Found> find(DocumentText rows, StandardHeadings.Heading h, Reference.Framework framework) {
        String docId = rows.docId();
        int from = h.row();
        for (int k = from; k < Math.min(rows.size(), from + WINDOW + 1); k++) {
            Row r = rows.get(k);
            String t = r.text().strip();
            if (k > from) {
                if (t.endsWith("?") || KQ_CODE.matcher(t).find()) break;
                if (StandardHeadings.heading(rows, r, framework).filter(x -> !x.code().equals(h.code())).isPresent()) break;
            }
            if (r.table() && r.cells().size() >= 2) { // the rating in a cell of its own beside the statement
                Optional<String> cell = words.whole(r.cells().get(r.cells().size() - 1));
                if (cell.isPresent()) return Optional.of(new Found(cell.get(), r.provenance(docId)));
            }
            Optional<String> whole = words.whole(t);
            if (whole.isPresent()) return Optional.of(new Found(whole.get(), r.provenance(docId)));
            Optional<RatingWords.Trailing> tr = words.trailing(t);
            if (tr.isPresent() && !tr.get().before().isEmpty() && !tr.get().before().endsWith(".")
                    && startsUpper(t, tr.get().before())) {
                return Optional.of(new Found(tr.get().rating(), r.provenance(docId)));
            }
            // a two-word rating in a right-hand column whose words sit on their own lines between the statement's
            // lines ("Requires" / statement / "improvement")
            if (!t.isEmpty() && !words.isRating(t) && t.indexOf(' ') < 0) {
                for (int j = k + 1; j <= Math.min(rows.size() - 1, k + 3); j++) {
                    Row tail = rows.get(j);
                    if (tail.text().strip().indexOf(' ') >= 0) continue;
                    Optional<String> split = words.whole(t + " " + tail.text().strip());
                    if (split.isPresent()) {
                        return Optional.of(new Found(split.get(), r.provenance(docId).merge(tail.provenance(docId))));
                    }
                    break;
                }
            }
            // a two-word rating in a narrow right-hand column, glued to the ends of two statement lines
            // ("... a high-quality, Requires" / "... for all service improvement")
            if (k + 1 < rows.size() && Character.isUpperCase(lastWord(t).isEmpty() ? 'x' : lastWord(t).charAt(0))) {
                Row next = rows.get(k + 1);
                Optional<String> split = words.whole(lastWord(t) + " " + lastWord(next.text().strip()));
                if (split.isPresent() && lastWord(t).length() < t.length()) {
                    return Optional.of(new Found(split.get(), r.provenance(docId).merge(next.provenance(docId))));
                }
            }
        }
        return Optional.empty();
    }

    private static String lastWord(String t) {
        int space = t.lastIndexOf(' ');
        return space < 0 ? t : t.substring(space + 1);
    }

    /** A glued column value is printed capitalised ("... for all people Inadequate"); lower case is prose. */
    private static boolean startsUpper(String line, String before) {
        String tail = line.substring(before.length()).strip().replaceAll("^['‘’\"“]+", "");
        return !tail.isEmpty() && Character.isUpperCase(tail.charAt(0));
    }

    /**
     * The overall rating as a sentence ("Overall, X is rated as: Good." / "has been rated as 'Inadequate'
     * overall"), also when the sentence wraps onto the next row ("is rated as: Requires" / "improvement.").
     */
    Optional<String> overall(DocumentText rows) {
        for (int k = 0; k < rows.size(); k++) {
            String t = rows.get(k).text();
            String withNext = k + 1 < rows.size() ? t + " " + rows.get(k + 1).text() : t;
            for (String text : List.of(t, withNext)) {
                for (Pattern p : List.of(overallSentence, overallAfter)) {
                    Matcher m = p.matcher(text);
                    if (m.find()) return Optional.of(words.canonical(m.group(1)));
                }
            }
        }
        return Optional.empty();
    }
}
