package hmip.extract;

import hmip.reference.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where each standard's section starts in the body: a numbered heading ("2.2. Assessment",
 * "1.2" then "Staff" on the next line) or, when a converter lost the heading, the standard's printed
 * statement ("The pre-sentence information and advice provided to court supports its decision-making").
 * Both come from the framework's standards in the reference.
 */
final class StandardHeadings {
    private static final Pattern CODE = Pattern.compile("^(\\d)\\.(\\d)\\.?(?:\\s+(.*))?$");
    /** Column headers that a converter may print between a code and its name. */
    private static final Pattern TABLE_HEADER = Pattern.compile("(?i)^(rating\\s*/\\s*% yes|standard\\s*/\\s*key question.*|rating)$");

    record Heading(int row, String code, boolean byStatement, int contentFrom) {}

    private static final java.util.Map<String, String> STATEMENT_LETTERS = new java.util.concurrent.ConcurrentHashMap<>();

    private StandardHeadings() {}

    static List<Heading> find(DocumentText rows, Reference.Framework framework, Set<Integer> skip) {
        List<Heading> out = new ArrayList<>();
        if (framework == null) return out;
        for (Row r : rows.rows()) {
            if (skip.contains(r.index())) continue;
            heading(rows, r, framework).ifPresent(out::add);
        }
        return out;
    }

    static Optional<Heading> heading(DocumentText rows, Row r, Reference.Framework framework) {
        Matcher m = CODE.matcher(r.text());
        if (m.matches()) {
            String code = m.group(1) + "." + m.group(2);
            Optional<Reference.Standard> std = framework.standard(code);
            if (std.isEmpty()) return Optional.empty();
            String rest = m.group(3) == null ? "" : m.group(3).strip();
            String name = std.get().name().toLowerCase(Locale.ROOT);
            if (!rest.isEmpty()) {
                return rest.toLowerCase(Locale.ROOT).startsWith(name) && rest.length() <= name.length() + 30
                        ? Optional.of(new Heading(r.index(), code, false, r.index())) : Optional.empty();
            }
            for (int k = r.index() + 1; k <= Math.min(rows.size() - 1, r.index() + 2); k++) {
                String t = rows.get(k).text().strip();
                if (TABLE_HEADER.matcher(t).matches()) continue;
                return t.toLowerCase(Locale.ROOT).startsWith(name) && t.length() <= name.length() + 30
                        ? Optional.of(new Heading(r.index(), code, false, k)) : Optional.empty();
            }
            return Optional.empty();
        }
        String joined = rows.letters(r.index()) + rows.letters(r.index() + 1) + rows.letters(r.index() + 2);
        for (Reference.Standard s : framework.standards()) {
            for (String statement : s.statements()) {
                String st = STATEMENT_LETTERS.computeIfAbsent(statement, StandardHeadings::letters);
                if (st.length() >= 15 && joined.startsWith(st)) {
                    return Optional.of(new Heading(r.index(), s.code(), true, r.index()));
                }
            }
        }
        return Optional.empty();
    }

    static String letters(String s) {
        return s.replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT);
    }
}
