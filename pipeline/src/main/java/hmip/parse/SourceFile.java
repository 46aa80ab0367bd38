package hmip.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.tika.Tika;

/**
 * A file as the pipeline sees it before parsing: its bytes, their SHA-256, and the media type Tika
 * detects from content and name. The document id is the file stem, so gold files and reports line up.
 */
public record SourceFile(Path path, String docId, byte[] bytes, String sha256, String mediaType) {
    private static final Tika TIKA = new Tika();

    public static SourceFile read(Path path, ParseLimits limits) throws ParseException {
        try {
            long size = Files.size(path);
            if (size > limits.maxBytes()) {
                throw new ParseException(ParseFailure.TOO_LARGE, size + " bytes > " + limits.maxBytes());
            }
            byte[] bytes = Files.readAllBytes(path);
            return of(path, bytes);
        } catch (IOException e) {
            throw new ParseException(ParseFailure.IO_ERROR, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public static SourceFile of(Path path, byte[] bytes) {
        String name = path.getFileName().toString();
        String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        String type = bytes.length == 0 ? "application/octet-stream" : TIKA.detect(bytes, name);
        return new SourceFile(path, stem, bytes, sha256(bytes), type);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    public InputStream stream() { return new java.io.ByteArrayInputStream(bytes); }
}
