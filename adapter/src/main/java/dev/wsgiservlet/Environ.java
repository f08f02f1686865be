package dev.wsgiservlet;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Helpers for Java applications that read a WSGI environ. They derive values; the standard keys
 * stay as PEP 3333 defines them.
 */
public final class Environ {

    private Environ() {
    }

    /** {@code wsgi.input}. */
    public static WsgiInput input(Map<String, Object> environ) {
        return (WsgiInput) environ.get("wsgi.input");
    }

    /** {@code wsgi.errors}: a writer into the container log. */
    public static PrintWriter errors(Map<String, Object> environ) {
        return (PrintWriter) environ.get("wsgi.errors");
    }

    /** {@code wsgi.file_wrapper}. */
    public static FileWrapper.Factory fileWrapper(Map<String, Object> environ) {
        return (FileWrapper.Factory) environ.get("wsgi.file_wrapper");
    }

    /** A CGI value, or {@code fallback} when the key is absent. */
    public static String get(Map<String, Object> environ, String key, String fallback) {
        Object value = environ.get(key);
        return value == null ? fallback : (String) value;
    }

    /** {@code PATH_INFO} decoded as UTF-8 (PEP 3333 gives it as bytes read as ISO-8859-1). */
    public static String pathInfo(Map<String, Object> environ) {
        return utf8(get(environ, "PATH_INFO", ""));
    }

    /** {@code SCRIPT_NAME} decoded as UTF-8. */
    public static String scriptName(Map<String, Object> environ) {
        return utf8(get(environ, "SCRIPT_NAME", ""));
    }

    /**
     * Re-reads a native string (bytes as ISO-8859-1) as UTF-8. Invalid UTF-8 becomes U+FFFD, so
     * use the native string where exact bytes matter.
     */
    public static String utf8(String nativeString) {
        return new String(nativeString.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /** The request URL, rebuilt as PEP 3333's "URL Reconstruction" does. */
    public static String requestUrl(Map<String, Object> environ) {
        String scheme = get(environ, "wsgi.url_scheme", "http");
        StringBuilder url = new StringBuilder(scheme).append("://");
        String host = get(environ, "HTTP_HOST", "");
        if (!host.isEmpty()) {
            url.append(host);
        } else {
            url.append(get(environ, "SERVER_NAME", ""));
            String port = get(environ, "SERVER_PORT", "");
            if (!(scheme.equals("https") ? port.equals("443") : port.equals("80"))) {
                url.append(':').append(port);
            }
        }
        url.append(PercentEncoding.encodePath(get(environ, "SCRIPT_NAME", "")));
        url.append(PercentEncoding.encodePath(get(environ, "PATH_INFO", "")));
        String query = get(environ, "QUERY_STRING", "");
        if (!query.isEmpty()) {
            url.append('?').append(query);
        }
        return url.toString();
    }
}
