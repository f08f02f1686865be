package dev.wsgiservlet.sample;

import dev.wsgiservlet.Environ;
import dev.wsgiservlet.StartResponse;
import dev.wsgiservlet.WsgiApplication;
import java.util.Map;

/** The HTML pages, each at one exact {@code PATH_INFO}. */
public final class Pages implements WsgiApplication {

    private final Map<String, WsgiApplication> routes = Map.of(
            "/", new HomePage(),
            "/hello", new HelloPage(),
            "/upload", new UploadPage(),
            "/stream", new StreamPage(),
            "/environ", new EnvironPage());

    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
        String path = (String) environ.get("PATH_INFO");
        // An application at the server root sees "/" for its home; one under a context may see "".
        WsgiApplication page = routes.get(path.isEmpty() ? "/" : path);
        if (page == null) {
            return Responses.error(environ, startResponse, "404 Not Found",
                    "Nothing here: " + Environ.scriptName(environ) + Environ.pathInfo(environ));
        }
        return page.call(environ, startResponse);
    }
}
