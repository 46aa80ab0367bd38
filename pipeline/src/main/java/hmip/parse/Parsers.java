package hmip.parse;

import hmip.model.ParsedDocument;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Chooses the parser for a file's detected media type and applies the checks every format shares. */
public final class Parsers {
    /** What a file's extension promises, to say so when the content is something else. */
    private static final Map<String, String> EXTENSION_TYPES = Map.of(
            "pdf", "application/pdf",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "html", "text/html", "htm", "text/html", "txt", "text/plain");

    private final List<DocumentParser> parsers;

    public Parsers(List<DocumentParser> parsers) { this.parsers = List.copyOf(parsers); }

    public static Parsers standard() {
        return new Parsers(List.of(new PdfParser(), new TikaTextParser()));
    }

    public ParsedDocument parse(SourceFile file, ParseLimits limits) throws ParseException {
        if (file.bytes().length == 0) throw new ParseException(ParseFailure.EMPTY, null);
        if (file.bytes().length > limits.maxBytes()) {
            throw new ParseException(ParseFailure.TOO_LARGE, file.bytes().length + " bytes > " + limits.maxBytes());
        }
        if (file.mediaType().startsWith("text/") && looksBinary(file.bytes())) {
            throw new ParseException(ParseFailure.UNSUPPORTED_TYPE, "binary content" + namedAs(file));
        }
        for (DocumentParser p : parsers) {
            if (p.supports(file.mediaType())) return p.parse(file, limits);
        }
        throw new ParseException(ParseFailure.UNSUPPORTED_TYPE, "detected " + file.mediaType() + namedAs(file));
    }

    /** " although the name says .pdf" when the extension promises a type the content is not. */
    private static String namedAs(SourceFile file) {
        String name = file.path().getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot < 0) return "";
        String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String promised = EXTENSION_TYPES.get(ext);
        return promised != null && !promised.equals(file.mediaType()) ? " although the name says ." + ext : "";
    }

    /** Text does not hold NUL bytes, nor many control characters, in its first 8 KB. */
    static boolean looksBinary(byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            return false; // UTF-16 with a byte order mark
        }
        int n = Math.min(bytes.length, 8192), control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) return true;
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') control++;
        }
        return control > n / 10;
    }
}
