/**
 * The command line and the ingest job that runs the stages in order: parse, layout, extract, then
 * load into the warehouse and index. {@link hmip.app.IngestJob} is the only place the stages meet.
 */
package hmip.app;
