package dev.wsgiservlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds PEP 3333's environ from a servlet request: CGI variables as native strings (bytes read as
 * ISO-8859-1), the {@code wsgi.*} entries, {@code servlet.*} extensions, and the deployer's fixed
 * {@code environ.NAME} entries.
 */
final class EnvironBuilder {

    private static final List<Integer> VERSION = List.of(1, 0);
    private static final FileWrapper.Factory FILE_WRAPPER = FileWrapper::of;
    /** HTTP_* keys by header name; header names repeat across requests, the keys need not be rebuilt. */
    private static final Map<String, String> CGI_NAMES = new ConcurrentHashMap<>();
    private static final int CGI_NAMES_LIMIT = 1024;

    private final Map<String, Object> fixed;
    private final Boolean multiprocess;
    private final boolean allowUnderscoreHeaders;
    /** SERVER_PORT as text, kept: a connector's port is the same on every request. */
    private volatile PortText serverPort = new PortText(-1, "-1");

    /**
     * @param fixed entries the deployer injects; request values win over them
     * @param multiprocess the value of {@code wsgi.multiprocess}
     * @param allowUnderscoreHeaders keep request headers whose names contain '_'
     */
    EnvironBuilder(Map<String, String> fixed, boolean multiprocess, boolean allowUnderscoreHeaders) {
        this.fixed = Map.copyOf(fixed);
        this.multiprocess = multiprocess;
        this.allowUnderscoreHeaders = allowUnderscoreHeaders;
    }

    Map<String, Object> build(HttpServletRequest request, HttpServletResponse response, PrintWriter errors)
            throws IOException {
        Map<String, Object> environ = new HashMap<>(64);

        RequestPath path = RequestPath.of(request);
        environ.put("REQUEST_METHOD", request.getMethod());
        environ.put("SCRIPT_NAME", path.scriptName());
        environ.put("PATH_INFO", path.pathInfo());
        String query = request.getQueryString();
        environ.put("QUERY_STRING", query == null ? "" : query);
        environ.put("SERVER_NAME", request.getServerName());
        environ.put("SERVER_PORT", serverPort(request.getServerPort()));
        environ.put("SERVER_PROTOCOL", request.getProtocol());
        putIfPresent(environ, "REMOTE_ADDR", request.getRemoteAddr());
        int remotePort = request.getRemotePort();
        if (remotePort > 0) {
            environ.put("REMOTE_PORT", Integer.toString(remotePort));
        }
        putIfPresent(environ, "REMOTE_USER", request.getRemoteUser());
        putIfPresent(environ, "AUTH_TYPE", request.getAuthType());
        if (request.isSecure()) {
            environ.put("HTTPS", "on");
        }
        String contentLength = putHeaders(environ, request);

        environ.put("wsgi.version", VERSION);
        environ.put("wsgi.url_scheme", scheme(request));
        environ.put("wsgi.input", new WsgiInput(request.getInputStream(), bodyLength(request, contentLength)));
        environ.put("wsgi.errors", errors);
        environ.put("wsgi.multithread", Boolean.TRUE);
        environ.put("wsgi.multiprocess", multiprocess);
        environ.put("wsgi.run_once", Boolean.FALSE);
        environ.put("wsgi.input_terminated", Boolean.TRUE);
        environ.put("wsgi.file_wrapper", FILE_WRAPPER);
        environ.put("servlet.request", request);
        environ.put("servlet.response", response);
        environ.put("servlet.context", request.getServletContext());
        if (!fixed.isEmpty()) {
            fixed.forEach(environ::putIfAbsent);
        }
        return environ;
    }

    /** Puts every request header; returns the Content-Length header's value, or null. */
    private String putHeaders(Map<String, Object> environ, HttpServletRequest request) {
        String contentLength = null;
        Enumeration<String> names = request.getHeaderNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            if (name.indexOf('_') >= 0 && !allowUnderscoreHeaders) {
                continue;
            }
            String key = cgiName(name);
            if (environ.containsKey(key)) {
                continue; // the same header under another spelling: getHeaders() already joined it
            }
            String value = joinedValues(request, name, key);
            if (key.equals("CONTENT_LENGTH")) {
                contentLength = value;
            }
            environ.put(key, value);
        }
        return contentLength;
    }

    private static String joinedValues(HttpServletRequest request, String name, String key) {
        Enumeration<String> values = request.getHeaders(name);
        String first = values.nextElement();
        if (!values.hasMoreElements()) {
            return first;
        }
        String separator = key.equals("HTTP_COOKIE") ? "; " : ",";
        StringBuilder joined = new StringBuilder(first);
        while (values.hasMoreElements()) {
            joined.append(separator).append(values.nextElement());
        }
        return joined.toString();
    }

    /** The wsgi.input limit: the declared length, or -1 where the container delimits the body. */
    private static long bodyLength(HttpServletRequest request, String contentLength) {
        if (contentLength != null) {
            long length = request.getContentLengthLong();
            if (length >= 0) {
                return length;
            }
        }
        if (request.getHeader("Transfer-Encoding") != null) {
            return -1;
        }
        // HTTP/1.x without Content-Length or Transfer-Encoding has no body; HTTP/2 and later
        // frame bodies themselves and may omit Content-Length.
        return request.getProtocol().startsWith("HTTP/1.") || request.getProtocol().startsWith("HTTP/0.") ? 0 : -1;
    }

    /** The scheme as the container sees it (a RemoteIpFilter may have set it from X-Forwarded-Proto). */
    private static String scheme(HttpServletRequest request) {
        String scheme = request.getScheme();
        if ("http".equals(scheme) || "https".equals(scheme)) {
            return scheme;
        }
        return request.isSecure() ? "https" : "http";
    }

    static String cgiName(String headerName) {
        String key = CGI_NAMES.get(headerName);
        if (key == null) {
            String upper = headerName.toUpperCase(Locale.ROOT).replace('-', '_');
            key = upper.equals("CONTENT_TYPE") || upper.equals("CONTENT_LENGTH") ? upper : "HTTP_" + upper;
            if (CGI_NAMES.size() < CGI_NAMES_LIMIT) {
                CGI_NAMES.put(headerName, key);
            }
        }
        return key;
    }

    private String serverPort(int port) {
        PortText cached = serverPort;
        if (cached.port() != port) {
            cached = new PortText(port, Integer.toString(port));
            serverPort = cached;
        }
        return cached.text();
    }

    private record PortText(int port, String text) { }

    private static void putIfPresent(Map<String, Object> environ, String key, String value) {
        if (value != null && !value.isEmpty()) {
            environ.put(key, value);
        }
    }
}
