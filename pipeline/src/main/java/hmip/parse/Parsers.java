package hmip.parse;

import hmip.model.ParsedDocument;
import java.util.List;

/** Chooses the parser for a file's detected media type and applies the checks every format shares. */
public final class Parsers {
    private final List<DocumentParser> parsers;

    public Parsers(List<DocumentParser> parsers) { this.parsers = List.copyOf(parsers); }

    public static Parsers standard() {
        return new Parsers(List.of(new PdfParser(), new TikaTextParser()));
    }

    public ParsedDocument parse(SourceFile file, ParseLimits limits) throws ParseException {
        if (file.bytes().length == 0) throw new ParseException(ParseFailure.EMPTY, null);
        for (DocumentParser p : parsers) {
            if (p.supports(file.mediaType())) return p.parse(file, limits);
        }
        throw new ParseException(ParseFailure.UNSUPPORTED_TYPE, "detected " + file.mediaType());
    }
}
