package dev.wsgiservlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironTest {

    private static Map<String, Object> environ(String... keysAndValues) {
        Map<String, Object> environ = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            environ.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return environ;
    }

    // --- utf8, pathInfo, scriptName -------------------------------------------------------------

    @Test
    void utf8ReReadsNativeStringBytes() {
        assertEquals("caf\u00E9", Environ.utf8("caf\u00C3\u00A9"));
        assertEquals("\u20AC", Environ.utf8("\u00E2\u0082\u00AC"));
        assertEquals("plain", Environ.utf8("plain"));
        assertEquals("", Environ.utf8(""));
    }

    @Test
    void utf8ReplacesInvalidBytes() {
        assertEquals("x\uFFFDy", Environ.utf8("x\u00FFy"));
    }

    @Test
    void pathInfoAndScriptNameAreDecodedAsUtf8() {
        Map<String, Object> env = environ("SCRIPT_NAME", "/\u00C3\u00A9t\u00C3\u00A9", "PATH_INFO", "/caf\u00C3\u00A9");
        assertEquals("/\u00E9t\u00E9", Environ.scriptName(env));
        assertEquals("/caf\u00E9", Environ.pathInfo(env));
    }

    @Test
    void absentPathKeysAreEmpty() {
        assertEquals("", Environ.pathInfo(environ()));
        assertEquals("", Environ.scriptName(environ()));
    }

    @Test
    void getFallsBackOnlyWhenAbsent() {
        Map<String, Object> env = environ("QUERY_STRING", "");
        assertEquals("", Environ.get(env, "QUERY_STRING", "fallback"));
        assertEquals("fallback", Environ.get(env, "REMOTE_USER", "fallback"));
        assertNull(Environ.get(env, "REMOTE_USER", null));
    }

    @Test
    void typedAccessorsReturnTheEnvironObjects() {
        WsgiInput input = new WsgiInput(new ByteArrayInputStream(new byte[0]), 0);
        PrintWriter errors = new PrintWriter(new StringWriter());
        FileWrapper.Factory factory = FileWrapper::of;
        Map<String, Object> env = new HashMap<>();
        env.put("wsgi.input", input);
        env.put("wsgi.errors", errors);
        env.put("wsgi.file_wrapper", factory);
        assertSame(input, Environ.input(env));
        assertSame(errors, Environ.errors(env));
        assertSame(factory, Environ.fileWrapper(env));
    }

    // --- requestUrl (PEP 3333 "URL Reconstruction") ---------------------------------------------

    @Test
    void usesHttpHostWhenPresent() {
        assertEquals("http://example.com:8080/app/x?a=1&b=2", Environ.requestUrl(environ(
                "wsgi.url_scheme", "http", "HTTP_HOST", "example.com:8080", "SERVER_NAME", "ignored",
                "SERVER_PORT", "9999", "SCRIPT_NAME", "/app", "PATH_INFO", "/x", "QUERY_STRING", "a=1&b=2")));
    }

    @Test
    void withoutHttpHostOmitsTheDefaultHttpPort() {
        assertEquals("http://h.example/p", Environ.requestUrl(environ(
                "wsgi.url_scheme", "http", "SERVER_NAME", "h.example", "SERVER_PORT", "80", "PATH_INFO", "/p")));
    }

    @Test
    void withoutHttpHostOmitsTheDefaultHttpsPort() {
        assertEquals("https://h.example/p", Environ.requestUrl(environ(
                "wsgi.url_scheme", "https", "SERVER_NAME", "h.example", "SERVER_PORT", "443", "PATH_INFO", "/p")));
    }

    @Test
    void withoutHttpHostKeepsOtherPorts() {
        assertEquals("http://h:8080/p", Environ.requestUrl(environ(
                "wsgi.url_scheme", "http", "SERVER_NAME", "h", "SERVER_PORT", "8080", "PATH_INFO", "/p")));
        assertEquals("http://h:443/p", Environ.requestUrl(environ(
                "wsgi.url_scheme", "http", "SERVER_NAME", "h", "SERVER_PORT", "443", "PATH_INFO", "/p")));
        assertEquals("https://h:80/p", Environ.requestUrl(environ(
                "wsgi.url_scheme", "https", "SERVER_NAME", "h", "SERVER_PORT", "80", "PATH_INFO", "/p")));
    }

    @Test
    void nonAsciiPathIsReEncodedByteForByte() {
        assertEquals("http://h/app/caf%C3%A9/a%20b/100%25", Environ.requestUrl(environ(
                "wsgi.url_scheme", "http", "HTTP_HOST", "h", "SCRIPT_NAME", "/app",
                "PATH_INFO", "/caf\u00C3\u00A9/a b/100%")));
    }

    @Test
    void reservedCharactersInThePathDoNotBecomeQueryOrFragment() {
        assertEquals("http://h/a%3Fb%23c", Environ.requestUrl(environ(
                "wsgi.url_scheme", "http", "HTTP_HOST", "h", "PATH_INFO", "/a?b#c")));
    }

    @Test
    void emptyQueryAddsNoQuestionMark() {
        assertEquals("http://h/x", Environ.requestUrl(environ(
                "wsgi.url_scheme", "http", "HTTP_HOST", "h", "PATH_INFO", "/x", "QUERY_STRING", "")));
        assertEquals("http://h/x", Environ.requestUrl(environ(
                "wsgi.url_scheme", "http", "HTTP_HOST", "h", "PATH_INFO", "/x")));
    }

    @Test
    void queryIsAppendedAsItIs() {
        assertEquals("http://h/?q=caf%C3%A9&x=a+b", Environ.requestUrl(environ(
                "wsgi.url_scheme", "http", "HTTP_HOST", "h", "PATH_INFO", "/", "QUERY_STRING", "q=caf%C3%A9&x=a+b")));
    }

    @Test
    void emptyScriptNameAndPathInfo() {
        assertEquals("https://h", Environ.requestUrl(environ(
                "wsgi.url_scheme", "https", "HTTP_HOST", "h", "SCRIPT_NAME", "", "PATH_INFO", "")));
    }

    /** PEP 3333 tests {@code if environ.get('HTTP_HOST')}: an empty Host falls back to SERVER_NAME. */
    @Test
    void emptyHttpHostFallsBackToServerName() {
        assertEquals("http://h:8080/x", Environ.requestUrl(environ(
                "wsgi.url_scheme", "http", "HTTP_HOST", "", "SERVER_NAME", "h", "SERVER_PORT", "8080", "PATH_INFO", "/x")));
    }
}
