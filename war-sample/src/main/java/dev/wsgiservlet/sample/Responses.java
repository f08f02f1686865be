package dev.wsgiservlet.sample;

import dev.wsgiservlet.Header;
import dev.wsgiservlet.StartResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Complete in-memory responses: status, type, length and body in one call. */
final class Responses {

    static final String HTML = "text/html; charset=utf-8";
    static final String JSON = "application/json";
    static final String TEXT = "text/plain; charset=utf-8";

    private Responses() {
    }

    /** Starts the response and returns its body, with {@code Content-Length} set. */
    static Iterable<byte[]> send(StartResponse startResponse, String status, String contentType, String body,
            Header... extra) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        List<Header> headers = new ArrayList<>(List.of(
                new Header("Content-Type", contentType),
                new Header("Content-Length", Integer.toString(bytes.length))));
        headers.addAll(List.of(extra));
        startResponse.call(status, headers);
        return List.of(bytes);
    }

    static Iterable<byte[]> html(StartResponse startResponse, String status, String title, String body)
            throws Exception {
        return send(startResponse, status, HTML, Html.page(title, body));
    }

    static Iterable<byte[]> json(StartResponse startResponse, String status, Object value) throws Exception {
        return send(startResponse, status, JSON, Json.write(value) + "\n");
    }

    /** An HTML error page whose message is plain text. */
    static Iterable<byte[]> error(Map<String, Object> environ, StartResponse startResponse, String status,
            String message) throws Exception {
        return html(startResponse, status, status, "<p>" + Html.escape(message) + "</p>\n"
                + "<p><a href=\"" + Html.escape(Links.href(environ, "/")) + "\">Home</a></p>\n");
    }

    static Iterable<byte[]> methodNotAllowed(Map<String, Object> environ, StartResponse startResponse,
            String allow) throws Exception {
        String message = environ.get("REQUEST_METHOD") + " is not allowed here; use " + allow + ".\n";
        return send(startResponse, "405 Method Not Allowed", TEXT, message, new Header("Allow", allow));
    }
}
