/**
 * {@code hmip bench}: the performance benchmark (docs/BENCHMARK.md), separate from the tests.
 *
 * <ul>
 *   <li>{@link hmip.app.bench.CorpusBuilder} makes the scaled corpus (copies of the samples with changed
 *       metadata, so every file is new to ingest).</li>
 *   <li>{@link hmip.app.bench.BenchCommand} runs the whole ingest and a warm re-ingest in child JVMs,
 *       which write their per-stage times and memory through {@link hmip.app.bench.IngestProbe};
 *       {@link hmip.app.bench.Peers} runs pdftotext, PDFBox and Tika on the same files and threads;
 *       {@link hmip.app.bench.SearchBench} times queries on a synthetic 100,000-passage index;
 *       {@link hmip.app.bench.EmbeddingHook} measures the separate embedding step.</li>
 *   <li>{@link hmip.app.bench.BenchReport} prints the table; the JSON goes to {@code var/bench/}.</li>
 * </ul>
 */
package hmip.app.bench;
