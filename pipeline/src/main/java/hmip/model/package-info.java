/**
 * The immutable records that flow between stages: the parsed page model ({@link hmip.model.ParsedDocument}),
 * the laid-out text ({@link hmip.model.LaidOutDocument}) and the structured extraction
 * ({@link hmip.model.Extraction}). Every extracted value carries a {@link hmip.model.Provenance}.
 * Nothing here does I/O or holds behaviour beyond small derived accessors.
 */
package hmip.model;
