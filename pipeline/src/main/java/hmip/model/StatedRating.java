package hmip.model;

/**
 * An overall rating stated in a sentence of a press release or landing page ("Leicester, Leicestershire and
 * Rutland PDU have received an overall rating of 'Inadequate'"), not read from a ratings table.
 * {@code provider} is the unit as printed ("Leicester, Leicestershire and Rutland Probation Delivery Unit
 * (PDU)"; for "The PDU was rated ..." the unit named earlier); {@code unit} is its name without the type words
 * ("Leicester, Leicestershire and Rutland"), the part the gazetteer resolves; {@code providerType} is PDU, NPS
 * division or CRC as the wording says (null when it does not, as in "probation services in X"). {@code rating}
 * is the canonical rating word; {@code score} the points and maximum when stated ("two ... out of a possible 27").
 * {@code sentence} is the sentence as printed and {@code rule} the id of the sentence pattern that read it.
 */
public record StatedRating(String provider, String unit, String providerType, String rating, Score score,
                           String sentence, String rule, Provenance provenance) {
    public StatedRating withScore(Score s) {
        return new StatedRating(provider, unit, providerType, rating, s, sentence, rule, provenance);
    }

    public StatedRating at(Provenance p) {
        return new StatedRating(provider, unit, providerType, rating, score, sentence, rule, p);
    }
}
