package dev.wsgiservlet.middleware;

import static dev.wsgiservlet.middleware.LintFixture.app;
import static dev.wsgiservlet.middleware.LintFixture.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsgiservlet.WsgiApplication;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The server's side: the environ Lint receives. */
class LintEnvironTest {

    private final LintFixture fixture = new LintFixture();
    private boolean appCalled;
    private final WsgiApplication app = (environ, startResponse) -> {
        appCalled = true;
        startResponse.call("200 OK", List.of());
        return List.of();
    };

    private void expectLint(String fragment) {
        fixture.expectLint(fragment, () -> fixture.call(app));
        assertFalse(appCalled, "the application must not be called with a bad environ");
    }

    @Test
    void validEnvironPasses() throws Exception {
        fixture.environ.put("HTTP_X_LATIN1", "caf\u00e9\u00ff");
        fixture.environ.put("CONTENT_LENGTH", "42");
        fixture.environ.put("CONTENT_TYPE", "text/plain");
        fixture.environ.put("servlet.request", new Object());
        fixture.environ.put("wsgi.input", new ByteArrayInputStream(new byte[0]));
        fixture.environ.put("SCRIPT_NAME", "");
        fixture.environ.put("PATH_INFO", "");
        assertEquals("", fixture.run(app));
        assertTrue(appCalled);
        assertEquals("", fixture.log());
    }

    @Test
    void nullEnviron() {
        LintError e = assertThrows(LintError.class, () -> new Lint(app).call(null, fixture.server));
        assertEquals("environ is null", e.getMessage());
    }

    @Test
    void immutableEnviron() {
        Map<String, Object> frozen = Map.copyOf(fixture.environ);
        LintError e = assertThrows(LintError.class, () -> new Lint(app).call(frozen, fixture.server));
        assertTrue(e.getMessage().startsWith("environ is not a mutable Map"), e.getMessage());
        assertEquals("wsgi-servlet lint: " + e.getMessage() + System.lineSeparator(), fixture.log());
    }

    @Test
    void mutabilityProbeLeavesEnvironAsItWas() throws Exception {
        Map<String, Object> before = new HashMap<>(fixture.environ);
        Map<String, Object> seen = new HashMap<>();
        fixture.run((environ, startResponse) -> {
            seen.putAll(environ);
            startResponse.call("200 OK", List.of());
            return List.of();
        });
        assertEquals(before, seen);
    }

    @ParameterizedTest
    @ValueSource(strings = {"REQUEST_METHOD", "SCRIPT_NAME", "PATH_INFO", "QUERY_STRING", "SERVER_NAME",
            "SERVER_PORT", "SERVER_PROTOCOL", "wsgi.version", "wsgi.url_scheme", "wsgi.input",
            "wsgi.multithread", "wsgi.multiprocess", "wsgi.run_once"})
    void requiredKeyMissing(String key) {
        fixture.environ.remove(key);
        expectLint("environ is missing the required key '" + key + "'");
    }

    @Test
    void wsgiErrorsMissingIsReportedWithoutALog() {
        fixture.environ.remove("wsgi.errors");
        LintError e = assertThrows(LintError.class, () -> fixture.call(app));
        assertEquals("environ is missing the required key 'wsgi.errors'", e.getMessage());
        assertEquals("", fixture.log());
    }

    @ParameterizedTest
    @ValueSource(strings = {"REQUEST_METHOD", "SERVER_NAME", "SERVER_PORT"})
    void requiredValueEmpty(String key) {
        fixture.environ.put(key, "");
        expectLint(key + " is empty");
    }

    @Test
    void nullValue() {
        fixture.environ.put("REMOTE_USER", null);
        expectLint("environ['REMOTE_USER'] is null; leave out keys that have no value");
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void nonStringKey() {
        ((Map) fixture.environ).put(42, "x");
        expectLint("environ has a key that is not a String: java.lang.Integer");
    }

    @Test
    void cgiValueNotAString() {
        fixture.environ.put("SERVER_PORT", 8080);
        expectLint("environ['SERVER_PORT'] is a java.lang.Integer, not a String");
    }

    @Test
    void dotlessLowerCaseKeyIsCgiToo() {
        fixture.environ.put("custom", List.of());
        expectLint("environ['custom'] is a ");
    }

    @Test
    void cgiValueOutsideLatin1() {
        fixture.environ.put("PATH_INFO", "/caf\u20ac");
        expectLint("environ['PATH_INFO'] has U+20AC, outside ISO-8859-1");
    }

    @Test
    void httpContentType() {
        fixture.environ.put("HTTP_CONTENT_TYPE", "text/plain");
        expectLint("environ has HTTP_CONTENT_TYPE");
    }

    @Test
    void httpContentLength() {
        fixture.environ.put("HTTP_CONTENT_LENGTH", "3");
        expectLint("environ has HTTP_CONTENT_LENGTH");
    }

    @Test
    void wrongWsgiVersion() {
        fixture.environ.put("wsgi.version", List.of(1, 1));
        expectLint("wsgi.version is [1, 1]");
    }

    @Test
    void wsgiVersionAsArray() {
        fixture.environ.put("wsgi.version", new int[] {1, 0});
        expectLint("not List.of(1, 0)");
    }

    @Test
    void badUrlScheme() {
        fixture.environ.put("wsgi.url_scheme", "ftp");
        expectLint("wsgi.url_scheme is 'ftp', not 'http' or 'https'");
    }

    @Test
    void inputNotAnInputStream() {
        fixture.environ.put("wsgi.input", "body");
        expectLint("wsgi.input is a java.lang.String, not an InputStream");
    }

    @Test
    void errorsNotAPrintWriter() {
        fixture.environ.put("wsgi.errors", new StringWriter());
        LintError e = assertThrows(LintError.class, () -> fixture.call(app));
        assertEquals("wsgi.errors is a java.io.StringWriter, not a java.io.PrintWriter", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"wsgi.multithread", "wsgi.multiprocess", "wsgi.run_once"})
    void flagNotABoolean(String key) {
        fixture.environ.put(key, "true");
        expectLint(key + " is a java.lang.String, not a Boolean");
    }

    @Test
    void scriptNameWithoutLeadingSlash() {
        fixture.environ.put("SCRIPT_NAME", "app");
        expectLint("SCRIPT_NAME 'app' is neither empty nor starts with '/'");
    }

    @Test
    void pathInfoWithoutLeadingSlash() {
        fixture.environ.put("PATH_INFO", "hello");
        expectLint("PATH_INFO 'hello' is neither empty nor starts with '/'");
    }

    @Test
    void scriptNameIsSlash() {
        fixture.environ.put("SCRIPT_NAME", "/");
        expectLint("SCRIPT_NAME is '/'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "abc", "", " 3", "1.5"})
    void badContentLength(String value) {
        fixture.environ.put("CONTENT_LENGTH", value);
        expectLint("is not a non-negative decimal integer");
    }

    @Test
    void nullStartResponse() {
        LintError e = assertThrows(LintError.class, () -> new Lint(app).call(fixture.environ, null));
        assertEquals("start_response is null", e.getMessage());
        assertEquals("wsgi-servlet lint: start_response is null" + System.lineSeparator(), fixture.log());
    }

    @Test
    void controlCharactersInMessagesAreEscaped() {
        fixture.environ.put("PATH_INFO", "x\r\nInjected: yes");
        expectLint("PATH_INFO 'x\\u000d\\u000aInjected: yes'");
    }

    @Test
    void aConformingBodyIsUnaffectedByEnvironChecks() throws Exception {
        assertEquals("hi", fixture.run(app(List.of(), bytes("hi"))));
    }
}
