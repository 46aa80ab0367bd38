/**
 * Enrich: what a passage is about and the numbers it cites, for thematic search and the warehouse.
 *
 * <ul>
 *   <li>{@link hmip.enrich.Passages} turns a laid-out, extracted document into the searchable units
 *       ({@link hmip.model.Passage}: blocks, recommendations, findings) and
 *       {@link hmip.enrich.PassageEnrichment} adds their themes and facts; the index module only stores
 *       and ranks them.</li>
 *   <li>{@link hmip.enrich.Nlp} wraps the OpenNLP English UD models from Maven Central. Each step is paid
 *       only where needed: sentences and rule-based words for every passage; the model tokenizer and
 *       part-of-speech tags only for sentences holding a candidate number; lemmas one word at a time,
 *       memoized by (word, tag).</li>
 *   <li>{@link hmip.enrich.ThemeTagger} assigns themes of the taxonomy ({@code data/themes/taxonomy.json},
 *       {@link hmip.enrich.Taxonomy}) with evidence spans; {@link hmip.enrich.QuantFacts} finds the counts,
 *       percentages and durations inspectors cite; {@link hmip.enrich.Enricher} runs both over one
 *       analysis of a text.</li>
 *   <li>{@link hmip.enrich.RecommendationClusters} groups near-identical recommendations across documents
 *       (a PDU report and its regional letter).</li>
 *   <li>{@link hmip.enrich.EnrichmentStore} writes {@code passage_themes}, {@code quant_facts},
 *       {@code rec_clusters} and the embedding cache {@code passage_vectors}.</li>
 * </ul>
 * Themes and facts are plain functions of the text; ingest runs them on its worker threads and stores
 * them in the document's warehouse transaction.
 */
package hmip.enrich;
