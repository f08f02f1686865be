package dev.wsgiservlet.middleware;

import static dev.wsgiservlet.middleware.Reporter.codePoint;
import static dev.wsgiservlet.middleware.Reporter.quote;
import static dev.wsgiservlet.middleware.Reporter.typeOf;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** The server's side of the call: the environ it hands to the application (PEP 3333, "environ Variables"). */
final class EnvironCheck {

    private static final List<String> REQUIRED = List.of(
            "REQUEST_METHOD", "SCRIPT_NAME", "PATH_INFO", "QUERY_STRING",
            "SERVER_NAME", "SERVER_PORT", "SERVER_PROTOCOL",
            "wsgi.version", "wsgi.url_scheme", "wsgi.input", "wsgi.errors",
            "wsgi.multithread", "wsgi.multiprocess", "wsgi.run_once");
    private static final List<String> NEVER_EMPTY = List.of("REQUEST_METHOD", "SERVER_NAME", "SERVER_PORT");
    private static final List<String> BOOLEANS = List.of("wsgi.multithread", "wsgi.multiprocess", "wsgi.run_once");
    private static final List<Integer> VERSION = List.of(1, 0);

    private EnvironCheck() {
    }

    static void check(Map<String, Object> environ, Reporter reporter) {
        if (environ == null) {
            throw reporter.fail("environ is null");
        }
        checkEntries(environ, reporter);
        for (String key : REQUIRED) {
            if (!environ.containsKey(key)) {
                throw reporter.fail("environ is missing the required key " + quote(key));
            }
        }
        checkMutable(environ, reporter);
        for (String key : NEVER_EMPTY) {
            if (((String) environ.get(key)).isEmpty()) {
                throw reporter.fail(key + " is empty");
            }
        }
        if (environ.containsKey("HTTP_CONTENT_TYPE")) {
            throw reporter.fail("environ has HTTP_CONTENT_TYPE; the request's Content-Type goes in CONTENT_TYPE only");
        }
        if (environ.containsKey("HTTP_CONTENT_LENGTH")) {
            throw reporter.fail("environ has HTTP_CONTENT_LENGTH; the request's Content-Length goes in CONTENT_LENGTH only");
        }
        checkWsgiEntries(environ, reporter);
        checkPaths(environ, reporter);
        Object contentLength = environ.get("CONTENT_LENGTH");
        if (contentLength != null && !isDecimal((String) contentLength)) {
            throw reporter.fail("CONTENT_LENGTH " + quote((String) contentLength)
                    + " is not a non-negative decimal integer");
        }
    }

    /**
     * Every key without a dot is a CGI variable (extensions are named {@code prefix.name}) and
     * must be a native string; wsgiref draws the line the same way.
     */
    private static void checkEntries(Map<?, ?> environ, Reporter reporter) {
        for (Map.Entry<?, ?> entry : environ.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw reporter.fail("environ has a key that is not a String: " + typeOf(entry.getKey()));
            }
            Object value = entry.getValue();
            if (value == null) {
                throw reporter.fail("environ[" + quote(key) + "] is null; leave out keys that have no value");
            }
            if (key.indexOf('.') >= 0) {
                continue;
            }
            if (!(value instanceof String s)) {
                throw reporter.fail("environ[" + quote(key) + "] is a " + typeOf(value) + ", not a String");
            }
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) > 0xFF) {
                    throw reporter.fail("environ[" + quote(key) + "] has " + codePoint(s.charAt(i))
                            + ", outside ISO-8859-1; CGI values are bytes read as ISO-8859-1");
                }
            }
        }
    }

    /**
     * Re-puts a value that is already there: an unmodifiable map refuses, and a mutable one ends
     * up exactly as it was.
     */
    private static void checkMutable(Map<String, Object> environ, Reporter reporter) {
        try {
            environ.put("REQUEST_METHOD", environ.get("REQUEST_METHOD"));
        } catch (UnsupportedOperationException e) {
            throw reporter.fail("environ is not a mutable Map (" + typeOf(environ) + ")");
        }
    }

    private static void checkWsgiEntries(Map<String, Object> environ, Reporter reporter) {
        Object version = environ.get("wsgi.version");
        if (!VERSION.equals(version)) {
            throw reporter.fail("wsgi.version is " + version + " (" + typeOf(version) + "), not List.of(1, 0)");
        }
        Object scheme = environ.get("wsgi.url_scheme");
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw reporter.fail("wsgi.url_scheme is " + (scheme instanceof String s ? quote(s) : typeOf(scheme))
                    + ", not 'http' or 'https'");
        }
        Object input = environ.get("wsgi.input");
        if (!(input instanceof InputStream)) {
            throw reporter.fail("wsgi.input is a " + typeOf(input) + ", not an InputStream (dev.wsgiservlet.WsgiInput)");
        }
        Object errors = environ.get("wsgi.errors");
        if (!(errors instanceof PrintWriter)) {
            throw reporter.fail("wsgi.errors is a " + typeOf(errors) + ", not a java.io.PrintWriter");
        }
        for (String key : BOOLEANS) {
            Object value = environ.get(key);
            if (!(value instanceof Boolean)) {
                throw reporter.fail(key + " is a " + typeOf(value) + ", not a Boolean");
            }
        }
    }

    private static void checkPaths(Map<String, Object> environ, Reporter reporter) {
        for (String key : List.of("SCRIPT_NAME", "PATH_INFO")) {
            String path = (String) environ.get(key);
            if (!path.isEmpty() && path.charAt(0) != '/') {
                throw reporter.fail(key + " " + quote(path) + " is neither empty nor starts with '/'");
            }
        }
        if (environ.get("SCRIPT_NAME").equals("/")) {
            throw reporter.fail("SCRIPT_NAME is '/'; an application mounted at the root has SCRIPT_NAME ''");
        }
    }

    /** A non-empty run of ASCII digits; any length, as the check is about the form. */
    static boolean isDecimal(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
