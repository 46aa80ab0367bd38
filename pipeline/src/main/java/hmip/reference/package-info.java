/**
 * Reference: the one vocabulary every stage is handed. {@link hmip.reference.Reference} reads
 * {@code data/reference/} (bundled in the jar under {@code hmip/reference/}; a folder given to
 * {@code --reference} overrides files and adds frameworks): the inspection frameworks (markers, document
 * types, domains, standards, statements, crosswalk), the rating scale (words, points, key-question bands),
 * addressee levels, the Inspectorate's name and markers, the gazetteer of regions, PDUs, NPS divisions and CRCs
 * ({@link hmip.reference.Gazetteer}: printed names to canonical units, never by similarity) and the 2018 to
 * 2021 lineage. Loaded once, immutable, thread-safe.
 */
package hmip.reference;
