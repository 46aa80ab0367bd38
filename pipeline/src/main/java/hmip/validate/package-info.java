/**
 * Validate: every judgement about what a document prints — checks that compare it with itself, with the
 * reference data and with other documents — and the status that says how completely it was read.
 *
 * <ul>
 *   <li>{@link hmip.validate.Check} is a per-document check: a plain function of one
 *       {@link hmip.validate.DocumentInput} (the extraction plus the page text, for statements made in prose).
 *       {@link hmip.validate.CrossDocumentCheck} runs SQL (bound parameters only) over the warehouse.</li>
 *   <li>Every result is a {@link hmip.model.CheckFinding}: check id, severity, whether the document itself
 *       explains it, document, page, provider, standard, message and the values involved.</li>
 *   <li>{@link hmip.validate.Validator} lists the checks (score arithmetic, key-question bands, standards
 *       coverage, identical tables, unit names, prose against tables; report against letter, stated against
 *       extracted ratings across documents), each with the one {@link hmip.reference.Reference}.</li>
 *   <li>{@link hmip.validate.StatusJudge} turns an extraction's gaps and its doubtful findings into a
 *       {@link hmip.model.DocumentStatus}: complete, partial (with reasons in plain words) or not_a_report.</li>
 *   <li>{@link hmip.validate.CheckRun} reruns every check over the warehouse for {@code hmip check}
 *       ({@link hmip.validate.WarehouseDocuments} reads documents back); writing results is load's.</li>
 * </ul>
 * Rules key on the Inspectorate's wording and numbering conventions, never on file names, pages or positions.
 */
package hmip.validate;
