/**
 * Validate: checks that compare what a document prints with itself, with the reference data and with
 * other documents, and the reference data they use.
 *
 * <ul>
 *   <li>{@link hmip.validate.Reference} reads the versioned CSVs of {@code data/reference} (bundled under
 *       {@code hmip/reference/}): crosswalk, rating scale and key-question bands, gazetteer, NPS lineage.</li>
 *   <li>{@link hmip.validate.Gazetteer} resolves printed unit names to canonical PDUs, regions and NPS
 *       divisions; a name it cannot resolve is reported as unresolved, never matched to the nearest entry.</li>
 *   <li>{@link hmip.validate.Check} is a per-document check: a plain function of one
 *       {@link hmip.validate.DocumentInput} (the extraction plus the page text, for statements made in prose).
 *       {@link hmip.validate.CrossDocumentCheck} runs SQL (bound parameters only) over the warehouse.</li>
 *   <li>Every result is a {@link hmip.validate.CheckFinding}: check id, severity, whether the document itself
 *       explains it, document, page, provider, standard, message and the values involved.</li>
 *   <li>{@link hmip.validate.Validator} lists the checks; {@link hmip.validate.FindingStore} writes results to
 *       {@code check_findings} and {@code provider_resolution}. Per-document results are written by
 *       {@code Warehouse.storeDocument} in the document's transaction; cross-document results by {@code hmip check}.</li>
 * </ul>
 * Rules key on the Inspectorate's wording and numbering conventions, never on file names, pages or positions.
 */
package hmip.validate;
