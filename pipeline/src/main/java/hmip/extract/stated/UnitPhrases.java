package hmip.extract.stated;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The unit grammar of the Inspectorate's press releases: a name (capitalised words joined by ", ", "and", "&",
 * "with", "upon", "of", "the" ...) followed by what it is ("PDU", "Probation Delivery Unit (PDU)", "Community
 * Rehabilitation Company (CRC)", "NPS division"), or "the National Probation Service (NPS) in" / "probation
 * services in" a name, or a reference back ("the PDU", "the CRC", "the division", "it"). Lists of units ("A PDU,
 * B PDU and C PDU") are read one unit at a time, each ending in its own type word, so a name's own commas and
 * "and"s ("Leicester, Leicestershire and Rutland") never split it.
 */
final class UnitPhrases {
    static final String PDU = "PDU";
    static final String CRC = "CRC";
    static final String DIVISION = "NPS division";

    /** A unit as printed: its span in the text given, printed text, name part, type (null if the wording gives none). */
    record Phrase(int start, int end, String printed, String name, String type, boolean reference) {}

    /** Type words: never part of a name, so a name stops before them. */
    private static final String TYPE_WORDS = "(?:PDUs?|CRCs?|NPS|Probation|Delivery|Units?|Community|Rehabilitation|"
            + "Company|Companies|National|Services?|Divisions?|Inspectorate|HMI|HMPPS|HM)(?![\\p{L}'’])";
    private static final String WORD = "(?!" + TYPE_WORDS + ")(?:St\\.?|\\p{Lu}[\\p{L}'’]*+(?:-[\\p{L}'’]++)*+)";
    private static final String JOIN = "(?:\\s*,\\s+|\\s+(?:(?:and|&|with|upon|on|of|the|in|under|-)\\s+){1,2}|\\s+)";
    private static final String NAME = WORD + "(?:" + JOIN + WORD + ")*+";
    private static final String END = "(?![\\p{L}\\p{N}])";
    private static final String DESIGNATED = "Probation\\s+Delivery\\s+Unit(?:\\s*\\(PDU\\))?|PDU|Community\\s+"
            + "Rehabilitation\\s+Company(?:\\s*\\(CRC\\))?|CRC|(?:NPS|National\\s+Probation\\s+Service(?:\\s*\\(NPS\\))?)"
            + "\\s+[Dd]ivision|[Dd]ivision\\s+of\\s+the\\s+National\\s+Probation\\s+Service(?:\\s*\\(NPS\\))?|[Dd]ivision";
    private static final String NPS = "(?:National\\s+Probation\\s+Service(?:\\s*\\(NPS\\))?|NPS)";
    private static final String REFERENCE = "(?:[Tt]he|[Tt]his|[Ii]ts)\\s+(?:PDU|Probation\\s+Delivery\\s+Unit|CRC|"
            + "Community\\s+Rehabilitation\\s+Company|NPS\\s+division|[Dd]ivision|service|organisation|unit|company)" + END
            + "|[Ii]t" + END;

    /** One unit; the alternatives are tried in this order at each position, so "The PDU" is a reference, not "The". */
    private static final String UNIT = "(?<![\\p{L}\\p{N}])(?<unit>"
            + "(?<ref>" + REFERENCE + ")"
            + "|(?:[Tt]he\\s+)?(?<nameA>" + NAME + ")\\s+(?<des>" + DESIGNATED + ")" + END
            + "|(?:[Tt]he\\s+)?" + NPS + "(?:\\s+[Dd]ivision)?\\s+(?:in|for|across)\\s+(?<nameB>" + NAME + ")"
            + "|(?:[Tt]he\\s+)?NPS\\s+(?<nameC>" + NAME + ")\\s+[Dd]ivision" + END
            + "|(?:[Tt]he\\s+)?" + NPS + "['’]s\\s+(?<nameD>" + NAME + ")\\s+[Dd]ivision" + END
            + "|(?:[Tt]he\\s+)?(?i:probation\\s+services?)\\s+(?:(?:delivered|provided)\\s+)?in\\s+(?<nameE>" + NAME + "))";

    private static final Pattern AT_END = Pattern.compile(UNIT + "\\s*$");
    private static final Pattern AT_START = Pattern.compile("^\\s*(?:(?:both|all|each|either)\\s+)?" + UNIT);
    private static final Pattern ANYWHERE = Pattern.compile(UNIT);
    private static final Pattern SEPARATOR_AT_END = Pattern.compile(
            "(?:\\s*,\\s*(?:and\\s+)?|\\s+and\\s+|\\s+as\\s+well\\s+as\\s+|\\s*&\\s*|\\s+along\\s+with\\s+)$");
    private static final Pattern SEPARATOR_AT_START = Pattern.compile(
            "^(?:\\s*,\\s*(?:and\\s+)?|\\s+and\\s+|\\s+as\\s+well\\s+as\\s+|\\s*&\\s*|\\s+along\\s+with\\s+)");

    /** Capitalised words that open sentences or headlines; never the first word of a unit's name. */
    private static final Set<String> NOT_NAME_START = Set.of("the", "this", "that", "these", "in", "at", "on", "for",
            "from", "by", "with", "today", "yesterday", "overall", "however", "meanwhile", "both", "and", "but", "while",
            "whilst", "also", "similarly", "elsewhere", "inspectors", "inspector", "inspection", "inspections",
            "report", "reports", "our", "its", "their", "published", "read", "press", "release", "news", "a", "an",
            "all", "each", "every", "following", "after", "before", "since", "under", "across", "of", "we", "it",
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "wales's", "chief", "lead", "new", "latest", "full");

    private UnitPhrases() {}

    /** The units listed at the very end of {@code prefix} ("... A PDU and B PDU"), in text order; empty if none. */
    static List<Phrase> trailing(String prefix) {
        List<Phrase> out = new ArrayList<>();
        String rest = prefix;
        for (int clauses = 0; clauses <= 2 && out.isEmpty(); clauses++) {
            trailingList(rest, out);
            if (!out.isEmpty()) break;
            // "A PDU, which was inspected in May, has been rated": skip one comma clause and try again
            String s = rest.stripTrailing();
            if (!s.endsWith(",")) break;
            int comma = s.lastIndexOf(',', s.length() - 2);
            if (comma < 0) break;
            rest = s.substring(0, comma);
        }
        Collections.reverse(out);
        return out;
    }

    private static void trailingList(String prefix, List<Phrase> out) {
        String rest = prefix;
        while (true) {
            Matcher m = AT_END.matcher(rest);
            if (!m.find()) return;
            Phrase p = phrase(m, 0);
            if (p == null) return;
            out.add(p);
            rest = rest.substring(0, p.start());
            Matcher sep = SEPARATOR_AT_END.matcher(rest);
            if (!sep.find()) return;
            rest = rest.substring(0, sep.start());
        }
    }

    /** The units listed at the very start of {@code suffix}; with {@code whole}, only if they are all it holds. */
    static List<Phrase> leading(String suffix, boolean whole) {
        List<Phrase> out = new ArrayList<>();
        int at = 0;
        while (true) {
            Matcher m = AT_START.matcher(suffix.substring(at));
            if (!m.lookingAt()) break;
            Phrase p = phrase(m, at);
            if (p == null) break;
            out.add(p);
            at = p.end();
            Matcher sep = SEPARATOR_AT_START.matcher(suffix.substring(at));
            if (!sep.lookingAt()) break;
            at += sep.end();
        }
        if (whole && (out.isEmpty() || !suffix.substring(out.get(out.size() - 1).end()).isBlank())) return List.of();
        return out;
    }

    /** Every named unit (no references) in {@code text}, in order. */
    static List<Phrase> mentions(String text) {
        List<Phrase> out = new ArrayList<>();
        Matcher m = ANYWHERE.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            Phrase p = phrase(m, 0);
            if (p != null && !p.reference()) out.add(p);
            from = Math.max(m.end(), m.start() + 1);
        }
        return out;
    }

    /** The phrase a match stands for (offsets shifted by {@code offset}), or null when its name is not a name. */
    private static Phrase phrase(Matcher m, int offset) {
        if (m.group("ref") != null) {
            String ref = m.group("ref");
            return new Phrase(offset + m.start("ref"), offset + m.end("ref"), ref, null, referenceType(ref), true);
        }
        for (String g : new String[] {"nameA", "nameB", "nameC", "nameD", "nameE"}) {
            if (m.group(g) == null) continue;
            int start = m.start("unit");
            String name = m.group(g);
            // drop sentence-opening words the name pattern took ("Today, Gwent PDU", "In Gwent PDU")
            while (true) {
                String first = name.split("[\\s,]+", 2)[0];
                if (!NOT_NAME_START.contains(first.toLowerCase(Locale.ROOT))) break;
                String after = name.substring(first.length()).replaceFirst("^[\\s,]+", "");
                if (after.isEmpty()) return null;
                if (g.equals("nameA")) start = m.end(g) - after.length(); // the unit now starts at the name
                name = after;
            }
            if (!Character.isUpperCase(name.charAt(0))) return null;
            String printed = m.group().substring(start - m.start());
            String type = switch (g) {
                case "nameA" -> designatorType(m.group("des"));
                case "nameE" -> null;
                default -> DIVISION;
            };
            return new Phrase(offset + start, offset + m.end(), printed, name.strip(), type, false);
        }
        return null;
    }

    private static String designatorType(String des) {
        String d = des.toLowerCase(Locale.ROOT);
        if (d.contains("pdu") || d.contains("delivery")) return PDU;
        if (d.contains("crc") || d.contains("rehabilitation")) return CRC;
        return DIVISION;
    }

    private static String referenceType(String ref) {
        String r = ref.toLowerCase(Locale.ROOT);
        if (r.contains("pdu") || r.contains("delivery")) return PDU;
        if (r.contains("crc") || r.contains("rehabilitation")) return CRC;
        if (r.contains("division")) return DIVISION;
        return null; // "the service", "it": any unit
    }
}
