package hmip.trends;

/**
 * Optional restrictions applied to a trend table; null means no restriction. {@code region} matches the
 * document's region case-insensitively; years are inclusive; {@code standard} is a canonical standard code
 * ("2.2") or name ("Assessment"). Values are only ever bound as SQL parameters.
 */
public record TrendFilter(String region, Integer fromYear, Integer toYear, String standard) {
    public static final TrendFilter NONE = new TrendFilter(null, null, null, null);

    public TrendFilter {
        region = blankToNull(region);
        standard = blankToNull(standard);
        if (fromYear != null && toYear != null && fromYear > toYear) {
            throw new IllegalArgumentException("from year " + fromYear + " is after to year " + toYear);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
