/**
 * Parse: bytes in, {@link hmip.model.ParsedDocument} out. {@link hmip.parse.SourceFile} identifies a
 * file by the SHA-256 of its bytes and its Tika-detected media type; {@link hmip.parse.DocumentParser}
 * is the one contract, implemented by {@link hmip.parse.PdfParser} (PDFBox, with positions and fonts)
 * and {@link hmip.parse.TikaTextParser} (DOCX, HTML, plain text, no geometry).
 * {@link hmip.parse.Parsers} picks one by media type. Failures are {@link hmip.parse.ParseException}s
 * carrying a {@link hmip.parse.ParseFailure} code that the warehouse records per file. A text layer that does
 * not decode is read as a scan ({@code TextLayer}, {@code Ocr}); known producer faults in ToUnicode maps
 * (Ghostscript's ligatures and apostrophes) are decoded in {@code TextLayerFaults}.
 */
package hmip.parse;
