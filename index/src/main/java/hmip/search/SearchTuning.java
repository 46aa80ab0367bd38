package hmip.search;

/**
 * The ranking's adjustable weights, each set to the value the judged query set chose (index/README.md has
 * the before/after per query group). Experiments build a {@link PassageSearcher} with other values.
 *
 * @param fusionAlpha hybrid: alpha × lexical + (1 − alpha) × semantic (lexical divided by its best score, semantic min-max normalised); negative selects reciprocal rank fusion
 * @param everydayWeight weight of the everyday-wording expansions (data/search/everyday.txt) relative to the user's own words; 0 turns them off
 * @param intent read "recommendations on …" / "what should X do about …" queries (QueryIntent)
 * @param recommendationBoost for such queries, a recommendation's fused score × (1 + this): recommendations come first
 * @param addresseeBoost and × (1 + this) again when it is addressed to the level the query names
 * @param semanticExpansion the embedded query text also carries the everyday expansions
 * @param contextWeight weight of the query's words matched in a passage's context field (section path, addressee, provider, region, title); 0 turns it off
 */
public record SearchTuning(double fusionAlpha, double everydayWeight, boolean intent, double recommendationBoost, double addresseeBoost, boolean semanticExpansion, double contextWeight) {

    /** The values the judged query set chose. */
    public static final SearchTuning DEFAULT = new SearchTuning(0.65, 0.7, true, 10.0, 1.0, true, 0.0);

    public SearchTuning withFusionAlpha(double v) {
        return new SearchTuning(v, everydayWeight, intent, recommendationBoost, addresseeBoost, semanticExpansion, contextWeight);
    }

    public SearchTuning withEverydayWeight(double v) {
        return new SearchTuning(fusionAlpha, v, intent, recommendationBoost, addresseeBoost, semanticExpansion, contextWeight);
    }

    public SearchTuning withIntent(boolean v) {
        return new SearchTuning(fusionAlpha, everydayWeight, v, recommendationBoost, addresseeBoost, semanticExpansion, contextWeight);
    }

    public SearchTuning withRecommendationBoost(double v) {
        return new SearchTuning(fusionAlpha, everydayWeight, intent, v, addresseeBoost, semanticExpansion, contextWeight);
    }

    public SearchTuning withAddresseeBoost(double v) {
        return new SearchTuning(fusionAlpha, everydayWeight, intent, recommendationBoost, v, semanticExpansion, contextWeight);
    }

    public SearchTuning withSemanticExpansion(boolean v) {
        return new SearchTuning(fusionAlpha, everydayWeight, intent, recommendationBoost, addresseeBoost, v, contextWeight);
    }

    public SearchTuning withContextWeight(double v) {
        return new SearchTuning(fusionAlpha, everydayWeight, intent, recommendationBoost, addresseeBoost, semanticExpansion, v);
    }

    public SearchTuning withIntent(boolean on, double recBoost, double addrBoost) {
        return withIntent(on).withRecommendationBoost(recBoost).withAddresseeBoost(addrBoost);
    }
}
