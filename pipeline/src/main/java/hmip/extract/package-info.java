/**
 * Structured extraction: {@link hmip.model.LaidOutDocument} in, {@link hmip.model.Extraction} out.
 * Owns document classification (type, framework, title, publication date, region), ratings tables
 * (single reports and regional letters' Annexe two), standard ratings printed beside body headings,
 * scores, key-question percentages, recommendations grouped by "X should:" addressee, and
 * strengths / areas-for-improvement findings. Also owns the mapping to the gold JSON schema
 * ({@link hmip.extract.GoldJson}).
 *
 * <p>Rules key on the Inspectorate's printed conventions (standard numbering, "should:", "Key question",
 * rating words, "Score N/M", "Fieldwork started Month YYYY"), never on particular files. Vocabulary that
 * is data (ratings, regions, standards per framework, addressee levels) lives in
 * {@code hmip/extract/rules.json}. Values are kept as printed; anything odd goes into
 * {@link hmip.model.Extraction#notes()}.
 *
 * <p>Public surface: {@link hmip.extract.Extractor}, {@link hmip.extract.InspectionExtractor},
 * {@link hmip.extract.GoldJson}, {@link hmip.extract.Rules}.
 */
package hmip.extract;
