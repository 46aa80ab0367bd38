package hmip.trends;

/** Optional restrictions applied to a trend table; null means no restriction. */
public record TrendFilter(String region, Integer fromYear, Integer toYear, String standard) {
    public static final TrendFilter NONE = new TrendFilter(null, null, null, null);
}
