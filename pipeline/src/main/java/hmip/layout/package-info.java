/**
 * Layout: {@link hmip.model.ParsedDocument} in, {@link hmip.model.LaidOutDocument} out. Owns reading
 * order, running header/footer and page-number removal, converter markup clean-up for geometry-less
 * text, de-hyphenation, footnote separation (a footnote area must answer a reference mark printed on
 * the page), grouping lines into blocks (headings, paragraphs, list items, table rows) and finding
 * tables. The public surface is {@link hmip.layout.Layout} with its one implementation
 * {@link hmip.layout.StandardLayout}, and {@link hmip.layout.TableDetector} (tabula-java's
 * {@code ExtractionAlgorithm} in spirit) with {@link hmip.layout.PositionedTableDetector} (glyph boxes, or
 * the character grid of text laid out with spaces) and {@link hmip.layout.TabbedTableDetector} (tab marks).
 * A detected table's blocks are one table-row block per logical row, so a cell wrapped over several lines
 * stays with its row instead of standing as a fragment ("of the NPS") in search.
 */
package hmip.layout;
