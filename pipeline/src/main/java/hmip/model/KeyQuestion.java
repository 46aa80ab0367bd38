package hmip.model;

/** A key question with its printed percentage 'Yes'. {@code code} is null when the document prints none. */
public record KeyQuestion(String provider, String standard, String code, String question, int percentYes,
                          Provenance provenance) {}
