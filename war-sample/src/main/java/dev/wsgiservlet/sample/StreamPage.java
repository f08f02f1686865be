package dev.wsgiservlet.sample;

import dev.wsgiservlet.Header;
import dev.wsgiservlet.StartResponse;
import dev.wsgiservlet.WsgiApplication;
import java.util.List;
import java.util.Map;

/** A streamed response: a line every half second for about three seconds. */
final class StreamPage implements WsgiApplication {

    static final int LINES = 7;
    static final long INTERVAL_MILLIS = 500;

    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
        String method = (String) environ.get("REQUEST_METHOD");
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Responses.methodNotAllowed(environ, startResponse, "GET, HEAD");
        }
        startResponse.call("200 OK", List.of(
                new Header("Content-Type", Responses.TEXT),
                // Without it browsers hold back the first bytes of text/plain to sniff the type.
                new Header("X-Content-Type-Options", "nosniff"),
                new Header("Cache-Control", "no-store")));
        return new Ticker(LINES, INTERVAL_MILLIS);
    }
}
