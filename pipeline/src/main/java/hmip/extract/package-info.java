/**
 * Structured extraction: {@link hmip.model.LaidOutDocument} in, {@link hmip.model.Extraction} out, as the
 * document prints it. {@link hmip.extract.InspectionExtractor} runs the readers — each a
 * {@code Reader<T>} over one immutable {@code ExtractionContext} (the document as rows, tables already read
 * into cells; the {@link hmip.reference.Reference}; what earlier readers decided) — in order: page numbering
 * (missing pages), classification (framework, type, title, date, region), ratings (tables, body ratings, the
 * overall sentence), key questions, recommendations, findings; for a document that is not a report, stated
 * ratings ({@code hmip.extract.stated}). A reader that throws becomes a gap on the document; the others' values
 * are kept. Judgements (does the score add up, is the band right, do names match) are validation's, not
 * extraction's. {@link hmip.extract.GoldJson} maps an extraction to and from the gold schema.
 *
 * <p>Rules key on the Inspectorate's printed conventions (standard numbering, "should:", "Key question",
 * rating words, "Score N/M", "Fieldwork started Month YYYY"), never on particular files, names or values.
 * How to add a framework, a reader or a check: {@code docs/extract.md}.
 */
package hmip.extract;
