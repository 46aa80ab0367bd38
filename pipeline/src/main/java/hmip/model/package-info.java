/**
 * The immutable records that flow between stages: the parsed page model ({@link hmip.model.ParsedDocument}, its
 * lines' column runs as {@link hmip.model.Segment}s), the laid-out text ({@link hmip.model.LaidOutDocument}, with
 * typed {@link hmip.model.Table}s of {@link hmip.model.TableRow}s and {@link hmip.model.Cell}s), the structured
 * extraction ({@link hmip.model.Extraction}), what validation found ({@link hmip.model.DocumentValidation} of
 * {@link hmip.model.CheckFinding}s, {@link hmip.model.Resolution}s), how completely a document was read
 * ({@link hmip.model.DocumentStatus}) and the searchable units ({@link hmip.model.Passage}). Every extracted
 * value carries a {@link hmip.model.Provenance}. Nothing here does I/O or holds behaviour beyond small derived
 * accessors.
 */
package hmip.model;
