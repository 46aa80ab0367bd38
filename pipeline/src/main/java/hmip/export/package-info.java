/**
 * Export: every warehouse table and view to CSV or Parquet (DuckDB's own {@code COPY}) or to one XLSX
 * workbook (Apache POI), with a data dictionary (table, column, type, meaning) written beside them. Column
 * meanings live in one resource, {@code hmip/load/dictionary.csv}; a test keeps it complete.
 */
package hmip.export;
