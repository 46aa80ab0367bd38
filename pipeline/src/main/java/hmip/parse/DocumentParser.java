package hmip.parse;

import hmip.model.ParsedDocument;

/** Turns one source file into pages of lines. One contract, one implementation per family of formats. */
public interface DocumentParser {
    boolean supports(String mediaType);

    ParsedDocument parse(SourceFile file, ParseLimits limits) throws ParseException;
}
