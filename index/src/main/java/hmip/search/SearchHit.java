package hmip.search;

import hmip.model.Passage;

/** A ranked passage with its score and a highlighted snippet ("[[" and "]]" around matched words). */
public record SearchHit(Passage passage, float score, String highlight) {}
