package hmip.trends;

/** A named trend table: its id (used on the command line and in URLs), title and meaning. */
public record TrendDefinition(String name, String title, String description) {}
