/**
 * Layout: {@link hmip.model.ParsedDocument} in, {@link hmip.model.LaidOutDocument} out. Owns reading
 * order, running header/footer and page-number removal, converter markup clean-up for geometry-less
 * text, de-hyphenation, footnote separation and grouping lines into blocks (headings, paragraphs,
 * list items, table rows). The public surface is {@link hmip.layout.Layout} and its one implementation
 * {@link hmip.layout.StandardLayout}.
 */
package hmip.layout;
