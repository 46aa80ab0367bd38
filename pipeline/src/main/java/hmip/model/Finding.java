package hmip.model;

/** A strength or area-for-improvement bullet, with the standard or section it sits under. */
public record Finding(String provider, String standard, String polarity, String text, Provenance provenance) {
    public static final String STRENGTH = "strength";
    public static final String IMPROVEMENT = "improvement";
}
