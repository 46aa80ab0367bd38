/**
 * Search: the Lucene index of passages (blocks, recommendations, findings). {@link hmip.search.PassageIndex}
 * writes one directory with a single IndexWriter, replacing a document's passages atomically per
 * commit; {@link hmip.search.PassageSearcher} runs BM25 queries with English analysis and highlights.
 * Query syntax errors surface as {@link hmip.search.QuerySyntaxException} with a one-line message.
 */
package hmip.search;
