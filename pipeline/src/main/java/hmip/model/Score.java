package hmip.model;

/** A printed score such as "4/24". */
public record Score(int points, int max, Provenance provenance) {}
