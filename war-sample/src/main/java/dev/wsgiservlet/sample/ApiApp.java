package dev.wsgiservlet.sample;

import dev.wsgiservlet.Environ;
import dev.wsgiservlet.StartResponse;
import dev.wsgiservlet.WsgiApplication;
import jakarta.servlet.ServletContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small JSON API, mounted at {@code /api}: {@code /info} describes the request as the
 * application sees it, {@code /time} tells the server's time.
 */
public final class ApiApp implements WsgiApplication {

    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
        String method = (String) environ.get("REQUEST_METHOD");
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Responses.json(startResponse, "405 Method Not Allowed", Map.of("error", "use GET"));
        }
        switch ((String) environ.get("PATH_INFO")) {
            case "/info" -> {
                return Responses.json(startResponse, "200 OK", info(environ));
            }
            case "/time" -> {
                Instant now = Instant.now();
                Map<String, Object> time = new LinkedHashMap<>();
                time.put("time", now.toString());
                time.put("epoch_millis", now.toEpochMilli());
                return Responses.json(startResponse, "200 OK", time);
            }
            default -> {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("error", "not found");
                error.put("path", Environ.pathInfo(environ));
                return Responses.json(startResponse, "404 Not Found", error);
            }
        }
    }

    /**
     * The paths are shown decoded as UTF-8. Mounted under {@code /api}, {@code script_name} ends
     * with {@code /api} and {@code path_info} is what follows.
     */
    private static Map<String, Object> info(Map<String, Object> environ) {
        ServletContext context = (ServletContext) environ.get("servlet.context");
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("server", context == null ? null : context.getServerInfo());
        info.put("method", environ.get("REQUEST_METHOD"));
        info.put("script_name", Environ.scriptName(environ));
        info.put("path_info", Environ.pathInfo(environ));
        info.put("query_string", environ.get("QUERY_STRING"));
        info.put("url", Environ.requestUrl(environ));
        info.put("url_scheme", environ.get("wsgi.url_scheme"));
        info.put("remote_addr", environ.get("REMOTE_ADDR"));
        info.put("wsgi_version", environ.get("wsgi.version"));
        info.put("java_version", System.getProperty("java.version"));
        return info;
    }
}
