/**
 * Load: the DuckDB warehouse. {@link hmip.load.Warehouse} owns the schema (created and migrated from
 * {@code schema.sql} at every open), the {@code ref_*} tables (written from the {@link hmip.reference.Reference}
 * it is opened with), and writing one document's rows — extraction, status, the validate stage's findings
 * ({@link hmip.load.FindingStore}) and later stages' rows — with DuckDB's appender inside a single transaction,
 * so a document is present completely or not at all. {@link hmip.load.Corrections} puts analysts' corrections
 * into effect beside the published values. Load takes results, it runs no stage: it imports the model and the
 * reference, never validate or extract. Writers take the file's lock; a second writer gets
 * {@link hmip.load.WarehouseBusyException}.
 */
package hmip.load;
