/**
 * Overall ratings stated in sentences: the Inspectorate's press releases and report landing pages ("Leicester,
 * Leicestershire and Rutland PDU have received an overall rating of 'Inadequate'", "scoring just two inspection
 * points out of a possible 27"). A pure reader: text in, {@link hmip.model.StatedRating}s out, each with the
 * unit as printed, its type, the rating, the score when stated and the character span; no I/O, no gazetteer
 * (names are resolved later, by {@code hmip.validate}).
 *
 * <p>Sentence patterns are data ({@code hmip/extract/stated/patterns.json}); the unit grammar (a capitalised
 * name followed by "PDU", "Probation Delivery Unit (PDU)", "Community Rehabilitation Company", "NPS division",
 * or "the National Probation Service (NPS) in" a name, or "probation services in" a name, or "the PDU" / "it"
 * referring back to the unit named last) is in {@link hmip.extract.stated.UnitPhrases}. Rules key on wording and
 * structure only, never on particular names.
 *
 * <p>Public surface: {@link hmip.extract.stated.StatedRatingReader}.
 */
package hmip.extract.stated;
