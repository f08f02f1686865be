package dev.wsgiservlet.sample;

import dev.wsgiservlet.Environ;
import dev.wsgiservlet.StartResponse;
import dev.wsgiservlet.WsgiApplication;
import java.util.Map;

/** Greets the {@code name} of a query string (GET) or of a URL-encoded form (POST). */
final class HelloPage implements WsgiApplication {

    /** A greeting form is tiny; a bigger body is refused rather than read into memory. */
    static final int MAX_FORM_BYTES = 64 * 1024;

    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
        FormData form;
        switch ((String) environ.get("REQUEST_METHOD")) {
            case "GET", "HEAD" -> form = FormData.parse((String) environ.get("QUERY_STRING"));
            case "POST" -> {
                String type = HeaderValue.mediaType((String) environ.get("CONTENT_TYPE"));
                if (!type.equals("application/x-www-form-urlencoded")) {
                    return Responses.error(environ, startResponse, "415 Unsupported Media Type",
                            "Send the name as application/x-www-form-urlencoded.");
                }
                long declared = Long.parseLong(Environ.get(environ, "CONTENT_LENGTH", "-1"));
                byte[] body = declared > MAX_FORM_BYTES ? null
                        : Environ.input(environ).readNBytes(MAX_FORM_BYTES + 1);
                if (body == null || body.length > MAX_FORM_BYTES) {
                    return Responses.error(environ, startResponse, "413 Content Too Large",
                            "A form of more than " + MAX_FORM_BYTES + " bytes is not a greeting.");
                }
                form = FormData.parse(body);
            }
            default -> {
                return Responses.methodNotAllowed(environ, startResponse, "GET, HEAD, POST");
            }
        }
        String name = form.first("name");
        if (name == null || name.isBlank()) {
            name = "World";
        }
        String body = "<p class=\"greeting\">Hello, " + Html.escape(name.strip()) + "!</p>\n"
                + "<p><a href=\"" + Html.escape(Links.href(environ, "/")) + "\">Back</a></p>\n";
        return Responses.html(startResponse, "200 OK", "Hello", body);
    }
}
