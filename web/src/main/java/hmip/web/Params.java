package hmip.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Validation of request parameters. Every problem becomes a 400 with a message naming the parameter
 * and what is allowed; nothing the client sends reaches SQL except as a bound parameter.
 */
public final class Params {
    public static final int MAX_QUERY_LENGTH = 500;
    public static final int MAX_VALUE_LENGTH = 120;
    public static final int MAX_LIMIT = 100;
    public static final int MAX_OFFSET = 1_000;
    /** Document ids are file stems: letters, digits, '_', '-', '.', '~' (never '/' or '..'). */
    private static final Pattern DOC_ID = Pattern.compile("[A-Za-z0-9_~-][A-Za-z0-9_.~-]{0,199}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,64}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t]]");

    private Params() {}

    /** A free-text value (filter, provider name): at most {@link #MAX_VALUE_LENGTH} characters, no control characters. */
    public static String text(Context ctx, String name) {
        return text(name, ctx.queryParam(name), MAX_VALUE_LENGTH);
    }

    public static String text(String name, String value, int max) {
        if (value == null) return null;
        String v = value.strip();
        if (v.isEmpty()) return null;
        if (v.length() > max) {
            throw ApiException.badRequest("parameter '" + name + "' is too long (" + v.length()
                    + " characters; at most " + max + " allowed)");
        }
        if (CONTROL.matcher(v).find()) {
            throw ApiException.badRequest("parameter '" + name + "' contains control characters");
        }
        return v;
    }

    /** The search query (null when absent or blank), at most {@link #MAX_QUERY_LENGTH} characters. */
    public static String query(Context ctx) {
        return text("q", ctx.queryParam("q"), MAX_QUERY_LENGTH);
    }

    public static Integer integer(Context ctx, String name, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return null;
        String v = raw.strip();
        if (v.length() > 10 || !v.matches("-?[0-9]+")) {
            throw ApiException.badRequest("parameter '" + name + "' must be a whole number between " + min + " and "
                    + max + " (got '" + abbreviate(v) + "')");
        }
        long n = Long.parseLong(v);
        if (n < min || n > max) {
            throw ApiException.badRequest("parameter '" + name + "' must be between " + min + " and " + max
                    + " (got " + n + ")");
        }
        return (int) n;
    }

    public static int integer(Context ctx, String name, int min, int max, int dflt) {
        Integer v = integer(ctx, name, min, max);
        return v == null ? dflt : v;
    }

    /** A value that must be one of a fixed list (compared case-insensitively, returned as listed). */
    public static String oneOf(Context ctx, String name, List<String> allowed) {
        String v = text(ctx, name);
        if (v == null) return null;
        for (String a : allowed) if (a.equalsIgnoreCase(v)) return a;
        throw ApiException.badRequest("parameter '" + name + "' must be one of " + String.join(", ", allowed)
                + " (got '" + abbreviate(v) + "')");
    }

    /**
     * A value that must be one the warehouse knows (a region, an addressee): unknown values are a 400
     * naming a few known ones, rather than a silently empty result.
     */
    public static String known(Context ctx, String name, java.util.Collection<String> known) {
        String v = text(ctx, name);
        if (v == null) return null;
        for (String k : known) if (k.equalsIgnoreCase(v)) return k;
        List<String> some = known.stream().sorted().limit(12).toList();
        throw ApiException.badRequest("unknown " + name.replace('_', ' ') + " '" + abbreviate(v) + "'"
                + (some.isEmpty() ? "; this warehouse has none" : "; known values include: " + String.join(", ", some)));
    }

    public static String docId(String raw) {
        if (raw == null || !DOC_ID.matcher(raw).matches() || raw.contains("..")) {
            throw ApiException.badRequest("invalid document id '" + abbreviate(String.valueOf(raw))
                    + "': ids are file stems made of letters, digits, '_', '-', '.' and '~'");
        }
        return raw;
    }

    /** A catalogue name such as a trend table's: lower-case letters, digits and '_'. */
    public static String name(String what, String raw) {
        if (raw == null || !NAME.matcher(raw).matches()) {
            throw ApiException.badRequest("invalid " + what + " '" + abbreviate(String.valueOf(raw))
                    + "': names are lower-case letters, digits and '_'");
        }
        return raw;
    }

    /** Shortens a client value before echoing it in an error message. */
    public static String abbreviate(String v) {
        String clean = CONTROL.matcher(v).replaceAll("?");
        return clean.length() <= 60 ? clean : clean.substring(0, 57) + "...";
    }
}
