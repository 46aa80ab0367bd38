package hmip.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides framework, title, publication date, region and letter form from the Inspectorate's printed
 * conventions: framework markers (e.g. "Court work and case supervision" is the 2021 PDU framework,
 * "NPS-specific work" the 2018 NPS one), the cover line "An inspection of probation services in:",
 * the running header "Inspection of ...", a letter's date line, "Probation Service – X region".
 */
final class DocumentClassifier {
    private static final int FRONT_ROWS = 40; // cover page / letterhead: dates and titles are printed here
    private static final Pattern COVER_TITLE = Pattern.compile("(?i)^(an? [\\w\\s]*inspection of [\\w\\s]+? in:)\\s*(.*)$");
    private static final Pattern HEADER_TITLE = Pattern.compile("(?i)^((?:an? )?(?:[\\w-]+ )?inspection of .{5,}?)(?:,?\\s*(?:page\\s*)?\\d{1,3})?$");

    private final Rules rules;
    private final Pattern fullDate;
    private final Pattern monthYearAfterInspectorate;

    DocumentClassifier(Rules rules) {
        this.rules = rules;
        String months = rules.monthAlternation();
        this.fullDate = Pattern.compile("(?i)^(?:date:?\\s*)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(" + months + ")\\s+(\\d{4})$");
        this.monthYearAfterInspectorate = Pattern.compile("(?i)Inspectorate of Probation,?\\s+(?:(\\d{1,2})\\s+)?(" + months + ")\\s+(\\d{4})\\b");
    }

    DocumentFacts classify(DocRows rows, Notes notes) {
        String text = rows.fullText();
        String removed = removedText(rows);
        boolean inspectorate = rules.inspectorateMarkers().stream()
                .anyMatch(m -> containsIgnoreCase(text, m) || containsIgnoreCase(removed, m));
        Rules.Framework framework = framework(text.toLowerCase(Locale.ROOT));
        boolean letter = isLetter(rows);
        String title = letter ? null : title(rows);
        String published = published(rows);
        String region = framework == null ? null : region(rows, title, framework, notes);
        return new DocumentFacts(inspectorate, framework, title, published, region, letter);
    }

    /**
     * The framework with most distinct markers present; a tie goes to the one whose markers occur more
     * often (a 2018 CRC report also says "service user", like an NPS one). No marker at all gives null.
     */
    private Rules.Framework framework(String lower) {
        Rules.Framework best = null;
        int bestDistinct = 0, bestTotal = 0;
        for (Rules.Framework f : rules.frameworks()) {
            int distinct = 0, total = 0;
            for (String m : f.markers()) {
                int n = countOccurrences(lower, m);
                if (n > 0) { distinct++; total += n; }
            }
            if (distinct > bestDistinct || (distinct == bestDistinct && distinct > 0 && total > bestTotal)) {
                best = f; bestDistinct = distinct; bestTotal = total;
            }
        }
        return best;
    }

    private static boolean isLetter(DocRows rows) {
        boolean dear = false, sincerely = false;
        for (Row r : rows.rows()) {
            if (r.index() < 80 && r.text().matches("(?i)^dear\\s+\\S.*")) dear = true;
            if (r.text().matches("(?i)^yours (sincerely|faithfully),?$")) sincerely = true;
        }
        return dear && sincerely;
    }

    /**
     * The cover title ("An inspection of probation services in:" + the unit on the next line) or,
     * failing that, the running header that names the inspection (the most frequent such line).
     */
    private String title(DocRows rows) {
        for (int i = 0; i < Math.min(FRONT_ROWS, rows.size()); i++) {
            Matcher m = COVER_TITLE.matcher(rows.get(i).text());
            if (!m.matches()) continue;
            String rest = m.group(2).strip();
            if (rest.isEmpty() && i + 1 < rows.size()) rest = rows.get(i + 1).text().strip();
            return (m.group(1).strip() + " " + rest).strip();
        }
        Map<String, Integer> counts = new HashMap<>();
        List<String> candidates = new ArrayList<>();
        rows.doc().pages().forEach(p -> candidates.addAll(p.removedLines()));
        rows.rows().forEach(r -> candidates.add(r.text()));
        for (String c : candidates) {
            Matcher m = HEADER_TITLE.matcher(c.strip());
            if (m.matches() && !c.contains("\t")) counts.merge(m.group(1).strip(), 1, Integer::sum);
        }
        return counts.entrySet().stream().filter(e -> e.getValue() >= 2)
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /** A letter's date line ("27 July 2023") or the cover's "HM Inspectorate of Probation, June 2023". */
    private String published(DocRows rows) {
        for (int i = 0; i < Math.min(FRONT_ROWS, rows.size()); i++) {
            String t = rows.get(i).text().strip();
            Matcher d = fullDate.matcher(t);
            if (d.matches()) {
                return String.format("%s-%02d-%02d", d.group(3), rules.month(d.group(2)), Integer.parseInt(d.group(1)));
            }
            Matcher m = monthYearAfterInspectorate.matcher(t);
            if (m.find()) {
                String month = String.format("%s-%02d", m.group(3), rules.month(m.group(2)));
                return m.group(1) == null ? month : month + String.format("-%02d", Integer.parseInt(m.group(1)));
            }
        }
        return null;
    }

    /**
     * A line that names the region formally, and a word every such line contains: each pattern starts with
     * a lazy group tried at every position, so it only runs on rows with the word.
     */
    private record FormalRegionLine(String word, Pattern pattern) {}

    private static final List<FormalRegionLine> FORMAL_REGION_LINES = List.of(
            new FormalRegionLine("probation service",
                    Pattern.compile("(?i)Probation Service\\s*[–—-]\\s*(.{3,60}?)(?:\\s+region\\b|\\.?$)")),
            new FormalRegionLine("division", Pattern.compile("(?i)(?:\\bNPS\\s+(.{3,40}?)\\s+division|(.{3,40}?)\\s+NPS\\s+"
                    + "division|National Probation Service \\(NPS\\)\\s+(.{3,40}?)\\s+division)")),
            new FormalRegionLine("should:", Pattern.compile("(?i)^(.{3,60}?)\\s+region\\s+should:")));

    /**
     * The probation region (2021+) or NPS division (2018) the document is about. Looked for first where
     * the Inspectorate names it formally ("Probation Service – North West region", the title, "X NPS
     * division", "X region should:"), then by the most-mentioned known name as a last resort (noted).
     */
    private String region(DocRows rows, String title, Rules.Framework framework, Notes notes) {
        List<String> formal = new ArrayList<>();
        if (title != null) formal.add(title);
        for (Row r : rows.rows()) {
            String lower = r.text().toLowerCase(Locale.ROOT);
            for (FormalRegionLine line : FORMAL_REGION_LINES) {
                if (!lower.contains(line.word())) continue;
                Matcher m = line.pattern().matcher(r.text());
                if (m.find()) {
                    for (int g = 1; g <= m.groupCount(); g++) if (m.group(g) != null) formal.add(m.group(g));
                }
            }
        }
        for (String candidate : formal) {
            String name = knownRegion(candidate, framework);
            if (name != null) return name;
        }
        Map<String, Integer> mentions = new HashMap<>();
        // "England and Wales" is boilerplate in every report, not a mention of the Wales region
        String text = rows.fullText().replaceAll("(?i)England\\s+and\\s+Wales", "").toLowerCase(Locale.ROOT);
        for (Rules.Region r : rules.regions()) {
            if (!r.frameworks().contains(framework.id())) continue;
            int n = countOccurrences(text, r.name());
            if (n > 0) mentions.put(r.name(), n);
        }
        String guess = mentions.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        if (guess != null) notes.add("Region '" + guess + "' inferred from how often it is mentioned; no formal region line found.");
        return guess;
    }

    /** The longest known region/division name contained in the text (so "South West and South Central" beats "South West"). */
    private String knownRegion(String text, Rules.Framework framework) {
        String best = null;
        int bestLen = 0;
        for (Rules.Region r : rules.regions()) {
            if (!r.frameworks().contains(framework.id())) continue;
            List<String> names = new ArrayList<>(r.aliases());
            names.add(r.name());
            for (String n : names) {
                if (containsWord(text, n) && n.length() > bestLen) { best = r.name(); bestLen = n.length(); }
            }
        }
        return best;
    }

    private static String removedText(DocRows rows) {
        StringBuilder sb = new StringBuilder();
        rows.doc().pages().forEach(p -> p.removedLines().forEach(l -> sb.append(l).append('\n')));
        return sb.toString();
    }

    static boolean containsIgnoreCase(String text, String needle) {
        return text.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }

    static boolean containsWord(String text, String phrase) {
        return Pattern.compile("(?i)(?<![\\p{L}\\d])" + Pattern.quote(phrase) + "(?![\\p{L}\\d])").matcher(text).find();
    }

    /** Whole-word, case-insensitive occurrences in an already lower-cased {@code lower}. */
    private static int countOccurrences(String lower, String phrase) {
        String p = phrase.toLowerCase(Locale.ROOT);
        int n = 0;
        for (int i = lower.indexOf(p); i >= 0; i = lower.indexOf(p, i + 1)) {
            boolean startOk = i == 0 || !Character.isLetterOrDigit(lower.charAt(i - 1));
            int end = i + p.length();
            boolean endOk = end >= lower.length() || !Character.isLetterOrDigit(lower.charAt(end));
            if (startOk && endOk) n++;
        }
        return n;
    }
}
