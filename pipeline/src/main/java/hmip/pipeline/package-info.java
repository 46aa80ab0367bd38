/**
 * The pipeline object: {@link hmip.pipeline.Pipeline} runs read, parse, lay out, extract, validate, status and
 * enrich for one file and returns a sealed {@link hmip.pipeline.PipelineResult} (processed, failed with a code,
 * unchanged). Every caller (ingest, extract, bench, tests) goes through it, with one
 * {@link hmip.reference.Reference} handed to every stage. Loading is the caller's: ingest writes each processed
 * result to the warehouse and the index on its single writer thread. {@link hmip.pipeline.StageTimer} times the
 * stages for the benchmark.
 */
package hmip.pipeline;
