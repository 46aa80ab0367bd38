package hmip.model;

/** A numbered or bulleted recommendation under an "X should:" heading. */
public record Recommendation(String provider, String addressee, String addresseeLevel, Integer number,
                             String text, Provenance provenance) {}
