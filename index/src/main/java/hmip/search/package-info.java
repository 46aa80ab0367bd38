/**
 * Search: the Lucene index of passages (blocks, recommendations, findings) and its ranking.
 * {@link hmip.search.PassageIndex} writes one directory with a single IndexWriter, replacing a document's
 * passages atomically per commit; {@link hmip.search.EmbedStep} gives passages their vectors
 * ({@link hmip.search.EmbedText} says what is embedded, {@link hmip.search.Embedder} and
 * {@code OnnxEmbedder} embed it); {@link hmip.search.PassageSearcher} reads a query ({@code QueryIntent}:
 * "recommendations to X on Y"; {@code QueryExpansion}: everyday wording, both from {@code data/search}),
 * ranks by BM25, KNN or both fused ({@link hmip.search.SearchTuning}), filters, counts facets and
 * highlights. {@link hmip.search.JudgedSet} scores a ranking on the judged query set. Query syntax errors
 * surface as {@link hmip.search.QuerySyntaxException} with a one-line message.
 */
package hmip.search;
