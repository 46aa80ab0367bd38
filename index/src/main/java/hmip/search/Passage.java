package hmip.search;

/**
 * One searchable unit: a block of body text, a recommendation or a finding, with the document facts
 * a researcher filters on and the page and span it came from.
 */
public record Passage(String id, String docId, int page, int spanStart, int spanEnd, String kind, String text,
                      String title, String docType, String region, String year, String provider) {}
