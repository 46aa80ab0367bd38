package hmip.parse;

import hmip.model.Page;
import hmip.model.ParsedDocument;
import hmip.model.TextLine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.PasswordProvider;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.ContentHandlerDecorator;
import org.apache.tika.sax.WriteOutContentHandler;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * DOCX, HTML and plain text through Tika's AutoDetectParser. These formats have no fixed pages or
 * geometry: the text becomes one page, or several where the text carries form feeds.
 */
public final class TikaTextParser implements DocumentParser {
    /** What Tika calls a password-protected DOCX (an OLE2 container holding the encrypted package). */
    static final String OOXML_PROTECTED = "application/x-tika-ooxml-protected";
    private static final Set<String> TYPES = Set.of(
            "text/plain", "text/markdown", "text/x-web-markdown", "text/html", "application/xhtml+xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/msword", "application/rtf", OOXML_PROTECTED);

    /** Text beyond this many characters is refused as TOO_LARGE (inspection reports hold well under 1M). */
    static final int MAX_CHARS = 20_000_000;

    /**
     * Created on first use: loading Tika's parsers costs ~0.3 s of CPU at every ingest start (JFR
     * profile), and a PDF-only ingest never needs them. AutoDetectParser is thread-safe once built.
     */
    private volatile AutoDetectParser parser;

    private AutoDetectParser parser() {
        AutoDetectParser p = parser;
        if (p == null) {
            synchronized (this) {
                if (parser == null) parser = new AutoDetectParser();
                p = parser;
            }
        }
        return p;
    }

    /** Checks the file's {@link Deadline} as SAX events arrive: Tika's parsers ignore interrupts. */
    private static final class CheckedHandler extends ContentHandlerDecorator {
        CheckedHandler(ContentHandler inner) { super(inner); }

        @Override
        public void startElement(String uri, String localName, String name, Attributes atts) throws SAXException {
            Deadline.check();
            super.startElement(uri, localName, name, atts);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            Deadline.check();
            super.characters(ch, start, length);
        }
    }

    /**
     * Tika's XHTML output drops form feeds (not legal in XML), and with them the page breaks of plain
     * text such as {@code pdftotext} output. For plain text the bytes are decoded again with the charset
     * Tika detected, so the form feeds survive; other formats use Tika's text.
     */
    private static String text(SourceFile file, BodyContentHandler handler, Metadata metadata) {
        String tikaText = handler.toString();
        if (!file.mediaType().startsWith("text/plain")) return tikaText;
        String encoding = metadata.get(Metadata.CONTENT_ENCODING);
        try {
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            String decoded = new String(file.bytes(), charset);
            if (!decoded.isEmpty() && decoded.charAt(0) == '\uFEFF') decoded = decoded.substring(1);
            return decoded.indexOf('\f') >= 0 ? decoded : tikaText;
        } catch (IllegalArgumentException e) {
            return tikaText;
        }
    }

    @Override
    public boolean supports(String mediaType) {
        return TYPES.contains(mediaType);
    }

    @Override
    public ParsedDocument parse(SourceFile file, ParseLimits limits) throws ParseException {
        BodyContentHandler handler = new BodyContentHandler(new CheckedHandler(new WriteOutContentHandler(MAX_CHARS)));
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.path().getFileName().toString());
        try (InputStream in = file.stream()) {
            ParseContext context = new ParseContext();
            // --password also opens password-protected Office documents
            if (limits.password() != null) context.set(PasswordProvider.class, md -> limits.password());
            parser().parse(in, handler, metadata, context);
        } catch (EncryptedDocumentException e) {
            throw new ParseException(ParseFailure.ENCRYPTED, limits.password() == null
                    ? "the document is password-protected and no password was given"
                    : "the password given does not open this document", e);
        } catch (Deadline.ParseCancelledException e) {
            throw new ParseException(ParseFailure.TIMEOUT, e.getMessage(), e);
        } catch (SAXException e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                throw new ParseException(ParseFailure.TOO_LARGE, "more than " + MAX_CHARS + " characters of text", e);
            }
            throw new ParseException(ParseFailure.CORRUPT, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (IOException | TikaException | RuntimeException e) {
            if (e.getCause() instanceof Deadline.ParseCancelledException c) {
                throw new ParseException(ParseFailure.TIMEOUT, c.getMessage(), e);
            }
            throw new ParseException(ParseFailure.CORRUPT, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        String[] pageTexts = text(file, handler, metadata).split("\f");
        if (pageTexts.length > limits.maxPages()) {
            throw new ParseException(ParseFailure.TOO_MANY_PAGES, pageTexts.length + " pages > " + limits.maxPages());
        }
        List<Page> pages = new ArrayList<>();
        for (String pageText : pageTexts) {
            List<TextLine> lines = new ArrayList<>();
            String[] raws = pageText.split("\\R", -1);
            for (int i = 0; i < raws.length; i++) {
                String line = raws[i].strip();
                // Blank lines are kept as empty lines: they are the only paragraph marks plain text has.
                lines.add(new TextLine(line, null, 0f, false, false, TextColumns.runs(raws[i], i)));
            }
            pages.add(new Page(pages.size() + 1, 0, 0, lines, false));
        }
        Map<String, String> meta = new HashMap<>();
        String title = metadata.get(TikaCoreProperties.TITLE);
        if (title != null && !title.isBlank()) meta.put("title", title.strip());
        return new ParsedDocument(file.docId(), file.path().toString(), file.sha256(), file.mediaType(), pages, meta);
    }
}
