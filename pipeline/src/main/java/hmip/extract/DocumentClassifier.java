package hmip.extract;

import hmip.reference.Reference;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides framework, title, publication date, region and letter form from the Inspectorate's printed
 * conventions: framework markers from the reference (e.g. "Court work and case supervision" is the 2021
 * PDU framework, "NPS-specific work" the 2018 NPS one), the cover line "An inspection of probation services
 * in:", the running header "Inspection of ...", a letter's date line, "Probation Service – X region".
 */
final class DocumentClassifier implements Reader<DocumentFacts> {
    private static final int FRONT_ROWS = 40; // cover page / letterhead: dates and titles are printed here
    private static final Pattern COVER_TITLE = Pattern.compile("(?i)^(an? [\\w\\s]*inspection of [\\w\\s]+? in:)\\s*(.*)$");
    private static final Pattern HEADER_TITLE = Pattern.compile("(?i)^((?:an? )?(?:[\\w-]+ )?inspection of .{5,}?)(?:,?\\s*(?:page\\s*)?\\d{1,3}(?:\\s+of\\s+\\d{1,3})?)?$");
    /** A unit name on the cover ends where the cover's next item starts. */
    private static final Pattern COVER_STOP = Pattern.compile("(?i)^(the )?probation service\\b|^hm inspectorate|inspectorate of probation|^\\d");
    static final String MONTHS = String.join("|", java.util.Arrays.stream(Month.values())
            .map(m -> m.getDisplayName(TextStyle.FULL, Locale.UK)).toList());

    private final Pattern fullDate = Pattern.compile("(?i)^(?:date:?\\s*)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(" + MONTHS + ")\\s+(\\d{4})$");
    private final Pattern monthYearAfterInspectorate =
            Pattern.compile("(?i)Inspectorate of Probation,?\\s+(?:(\\d{1,2})\\s+)?(" + MONTHS + ")\\s+(\\d{4})\\b");

    @Override
    public String name() { return "document type, framework, title, date and region"; }

    @Override
    public Read<DocumentFacts> read(ExtractionContext context) {
        DocumentText rows = context.text();
        Reference ref = context.reference();
        Read.Notes notes = new Read.Notes();
        String text = rows.fullText();
        String removed = removedText(rows);
        boolean inspectorate = ref.inspectorateMarkers().stream()
                .anyMatch(m -> Text.containsIgnoreCase(text, m) || Text.containsIgnoreCase(removed, m));
        Reference.Framework framework = framework(ref, text.toLowerCase(Locale.ROOT));
        boolean letter = isLetter(rows);
        String title = letter ? null : title(rows);
        String published = published(rows);
        String region = framework == null ? null : region(rows, title, framework, ref, notes);
        return Read.of(new DocumentFacts(inspectorate, framework, title, published, region, letter), notes.list());
    }

    /** Month name (or its first three letters) to 1..12; 0 when not a month. */
    static int month(String word) {
        for (Month m : Month.values()) {
            String name = m.getDisplayName(TextStyle.FULL, Locale.UK);
            if (name.equalsIgnoreCase(word) || (word.length() == 3 && name.substring(0, 3).equalsIgnoreCase(word))) {
                return m.getValue();
            }
        }
        return 0;
    }

    /**
     * The framework with most distinct markers present; a tie goes to the one whose markers occur more
     * often (a 2018 CRC report also says "service user", like an NPS one). No marker at all gives null.
     */
    private static Reference.Framework framework(Reference ref, String lower) {
        Reference.Framework best = null;
        int bestDistinct = 0, bestTotal = 0;
        for (Reference.Framework f : ref.frameworks()) {
            int distinct = 0, total = 0;
            for (String m : f.markers()) {
                int n = Text.countOccurrences(lower, m);
                if (n > 0) { distinct++; total += n; }
            }
            if (distinct > bestDistinct || (distinct == bestDistinct && distinct > 0 && total > bestTotal)) {
                best = f; bestDistinct = distinct; bestTotal = total;
            }
        }
        return best;
    }

    private static boolean isLetter(DocumentText rows) {
        boolean dear = false, sincerely = false;
        for (Row r : rows.rows()) {
            if (r.index() < 80 && r.text().matches("(?i)^dear\\s+\\S.*")) dear = true;
            if (r.text().matches("(?i)^yours (sincerely|faithfully),?$")) sincerely = true;
        }
        return dear && sincerely;
    }

    /**
     * The cover title ("An inspection of probation services in:" + the unit on the following lines) or,
     * failing that, the running header that names the inspection (the most frequent such line).
     */
    private String title(DocumentText rows) {
        for (int i = 0; i < Math.min(FRONT_ROWS, rows.size()); i++) {
            Matcher m = COVER_TITLE.matcher(rows.get(i).text());
            if (!m.matches()) continue;
            String rest = m.group(2).strip();
            if (rest.isEmpty()) rest = coverUnit(rows, i + 1);
            return (m.group(1).strip() + " " + rest).strip();
        }
        Map<String, Integer> counts = new HashMap<>();
        List<String> candidates = new ArrayList<>();
        rows.doc().pages().forEach(p -> candidates.addAll(p.removedLines()));
        rows.rows().forEach(r -> { if (r.cells().size() == 1) candidates.add(r.text()); });
        for (String c : candidates) {
            Matcher m = HEADER_TITLE.matcher(c.strip());
            if (m.matches() && !c.contains("\t")) counts.merge(m.group(1).strip(), 1, Integer::sum);
        }
        return counts.entrySet().stream().filter(e -> e.getValue() >= 2)
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /**
     * The unit named on the cover under the title line: that line and the ones wrapping it, in the
     * same style, up to the cover's next item (the region line, the Inspectorate's name and date).
     */
    private static String coverUnit(DocumentText rows, int from) {
        if (from >= rows.size()) return "";
        Row first = rows.get(from);
        StringBuilder unit = new StringBuilder(first.text().strip());
        for (int k = from + 1; k < Math.min(rows.size(), from + 4); k++) {
            Row r = rows.get(k);
            String t = r.text().strip();
            if (r.page() != first.page() || r.bold() != first.bold() || COVER_STOP.matcher(t).find()) break;
            if (t.isEmpty() || t.length() > 80 || t.endsWith(".")) break;
            unit.append(' ').append(t);
        }
        return unit.toString();
    }

    /** A letter's date line ("27 July 2023") or the cover's "HM Inspectorate of Probation, June 2023". */
    private String published(DocumentText rows) {
        for (int i = 0; i < Math.min(FRONT_ROWS, rows.size()); i++) {
            String t = rows.get(i).text().strip();
            Matcher d = fullDate.matcher(t);
            if (d.matches()) {
                return String.format("%s-%02d-%02d", d.group(3), month(d.group(2)), Integer.parseInt(d.group(1)));
            }
            Matcher m = monthYearAfterInspectorate.matcher(t);
            if (m.find()) {
                String month = String.format("%s-%02d", m.group(3), month(m.group(2)));
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
     * the Inspectorate names it formally ("Probation Service – North West region", "X NPS division", "X region
     * should:", then the title), then by the most-mentioned known name as a last resort (noted).
     */
    private static String region(DocumentText rows, String title, Reference.Framework framework, Reference ref,
                                 Read.Notes notes) {
        Map<String, List<String>> areas = ref.areas(framework);
        List<String> formal = new ArrayList<>();
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
        // the title comes after the formal lines: a unit's name can hold another area's name ("Bath and North
        // East Somerset" is in the South West region)
        if (title != null) formal.add(title);
        for (String candidate : formal) {
            String name = knownArea(candidate, areas);
            if (name != null) return name;
        }
        Map<String, Integer> mentions = new HashMap<>();
        // "England and Wales" is boilerplate in every report, not a mention of the Wales region
        String text = rows.fullText().replaceAll("(?i)England\\s+and\\s+Wales", "").toLowerCase(Locale.ROOT);
        for (String area : areas.keySet()) {
            int n = Text.countOccurrences(text, area);
            if (n > 0) mentions.put(area, n);
        }
        String guess = mentions.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        if (guess != null) notes.add("Region '" + guess + "' inferred from how often it is mentioned; no formal region line found.");
        return guess;
    }

    /** The longest known area name contained in the text (so "South West and South Central" beats "South West"). */
    private static String knownArea(String text, Map<String, List<String>> areas) {
        String best = null;
        int bestLen = 0;
        for (Map.Entry<String, List<String>> a : areas.entrySet()) {
            for (String n : a.getValue()) {
                if (n.length() > bestLen && Text.containsWord(text, n)) { best = a.getKey(); bestLen = n.length(); }
            }
        }
        return best;
    }

    private static String removedText(DocumentText rows) {
        StringBuilder sb = new StringBuilder();
        rows.doc().pages().forEach(p -> p.removedLines().forEach(l -> sb.append(l).append('\n')));
        return sb.toString();
    }
}
