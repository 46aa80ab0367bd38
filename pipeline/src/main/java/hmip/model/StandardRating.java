package hmip.model;

/** One standard's rating as printed: code in the document's own framework, rating word(s). */
public record StandardRating(String standard, String rating, Provenance provenance) {}
