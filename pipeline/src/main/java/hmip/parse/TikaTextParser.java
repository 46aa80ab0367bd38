package hmip.parse;

import hmip.model.Page;
import hmip.model.ParsedDocument;
import hmip.model.TextLine;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * DOCX, HTML and plain text through Tika's AutoDetectParser. These formats have no fixed pages or
 * geometry: the text becomes one page, or several where the text carries form feeds.
 */
public final class TikaTextParser implements DocumentParser {
    private static final Set<String> TYPES = Set.of(
            "text/plain", "text/markdown", "text/x-web-markdown", "text/html", "application/xhtml+xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/msword", "application/rtf");

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

    @Override
    public boolean supports(String mediaType) {
        return TYPES.contains(mediaType);
    }

    @Override
    public ParsedDocument parse(SourceFile file, ParseLimits limits) throws ParseException {
        BodyContentHandler handler = new BodyContentHandler(-1);
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.path().getFileName().toString());
        try (InputStream in = file.stream()) {
            parser().parse(in, handler, metadata, new ParseContext());
        } catch (EncryptedDocumentException e) {
            throw new ParseException(ParseFailure.ENCRYPTED, e.getMessage(), e);
        } catch (IOException | SAXException | TikaException | RuntimeException e) {
            throw new ParseException(ParseFailure.CORRUPT, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        String[] pageTexts = handler.toString().split("\f");
        if (pageTexts.length > limits.maxPages()) {
            throw new ParseException(ParseFailure.TOO_MANY_PAGES, pageTexts.length + " pages > " + limits.maxPages());
        }
        List<Page> pages = new ArrayList<>();
        for (String pageText : pageTexts) {
            List<TextLine> lines = new ArrayList<>();
            for (String raw : pageText.split("\\R", -1)) {
                String line = raw.strip();
                // Blank lines are kept as empty lines: they are the only paragraph marks plain text has.
                lines.add(TextLine.plain(line));
            }
            pages.add(new Page(pages.size() + 1, 0, 0, lines, false));
        }
        Map<String, String> meta = new HashMap<>();
        String title = metadata.get(TikaCoreProperties.TITLE);
        if (title != null && !title.isBlank()) meta.put("title", title.strip());
        return new ParsedDocument(file.docId(), file.path().toString(), file.sha256(), file.mediaType(), pages, meta);
    }
}
