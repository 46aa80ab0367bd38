package hmip.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own errors (requests rejected before routing: ambiguous or malformed URIs, URIs or headers
 * too long) as the same one-line JSON the API uses, without stack traces or server details.
 */
final class QuietErrorHandler extends ErrorHandler {
    QuietErrorHandler() {
        setShowStacks(false);
        setShowServlet(false);
        setShowMessageInTitle(false);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String why = switch (status) {
            case 414 -> "the URL is too long";
            case 431 -> "the request headers are too large";
            default -> "malformed request (for example an encoded '/' or '..' in the path, or invalid %-encoding)";
        };
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8"));
        String body = "{\"status\": " + status + ", \"error\": \"" + why + "\"}\n";
        return ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8));
    }
}
