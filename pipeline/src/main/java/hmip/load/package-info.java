/**
 * Load: the DuckDB warehouse. {@link hmip.load.Warehouse} owns the schema (created and migrated from
 * {@code schema.sql} at every open), the reference tables copied from {@code data/reference}, and
 * writing one document's rows with DuckDB's appender inside a single transaction, so a document is
 * present completely or not at all. Writers take the file's lock; a second writer gets
 * {@link hmip.load.WarehouseBusyException}.
 */
package hmip.load;
