package dev.wsgiservlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The environ of requests the conformance suite cannot make over plain loopback HTTP: an
 * authenticated user, a secure connection, a scheme set by a proxy filter, HTTP/2 framing.
 */
class EnvironBuilderTest {

    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final Map<String, Stubs.Answer> request = new HashMap<>();

    EnvironBuilderTest() {
        request.put("getMethod", args -> "POST");
        request.put("getRequestURI", args -> "/app/x");
        request.put("getContextPath", args -> "/app");
        request.put("getServletPath", args -> "");
        request.put("getHttpServletMapping", args -> mapping());
        request.put("getServerName", args -> "example.org");
        request.put("getServerPort", args -> 443);
        request.put("getProtocol", args -> "HTTP/1.1");
        request.put("getScheme", args -> "http");
        request.put("getContentLengthLong", args -> -1L);
        request.put("getInputStream", args -> body(new byte[0]));
        request.put("getServletContext", args -> Stubs.loggingContext(new java.util.ArrayList<>()));
        request.put("getHeaderNames", args -> Collections.enumeration(headers.keySet()));
        request.put("getHeaders", args -> Collections.enumeration(headers.getOrDefault((String) args[0], List.of())));
        request.put("getHeader", args -> {
            List<String> values = headers.get((String) args[0]);
            return values == null ? null : values.get(0);
        });
    }

    private Map<String, Object> build(Map<String, String> fixed) throws Exception {
        HttpServletRequest req = Stubs.stub(HttpServletRequest.class, request);
        HttpServletResponse resp = Stubs.stub(HttpServletResponse.class, Map.of());
        return new EnvironBuilder(fixed, false, false).build(req, resp, new PrintWriter(new StringWriter()));
    }

    @Test
    void authenticatedSecureRequestHasUserAuthTypeAndHttps() throws Exception {
        request.put("isSecure", args -> true);
        request.put("getScheme", args -> "https");
        request.put("getRemoteUser", args -> "alice");
        request.put("getAuthType", args -> "BASIC");
        Map<String, Object> environ = build(Map.of());
        assertEquals("alice", environ.get("REMOTE_USER"));
        assertEquals("BASIC", environ.get("AUTH_TYPE"));
        assertEquals("on", environ.get("HTTPS"));
        assertEquals("https", environ.get("wsgi.url_scheme"));
        assertEquals("443", environ.get("SERVER_PORT"));
    }

    @Test
    void serverPortIsEachRequestsOwnWhenOneServletServesSeveralConnectors() throws Exception {
        EnvironBuilder builder = new EnvironBuilder(Map.of(), false, false);
        HttpServletResponse resp = Stubs.stub(HttpServletResponse.class, Map.of());
        PrintWriter errors = new PrintWriter(new StringWriter());
        for (int port : new int[] {443, 443, 8080, 443}) {
            request.put("getServerPort", args -> port);
            HttpServletRequest req = Stubs.stub(HttpServletRequest.class, request);
            assertEquals(Integer.toString(port), builder.build(req, resp, errors).get("SERVER_PORT"));
        }
    }

    @Test
    void anonymousPlainRequestOmitsTheKeysInsteadOfNullingThem() throws Exception {
        Map<String, Object> environ = build(Map.of());
        for (String key : List.of("REMOTE_USER", "AUTH_TYPE", "HTTPS", "REMOTE_ADDR", "REMOTE_PORT",
                "CONTENT_TYPE", "CONTENT_LENGTH")) {
            assertFalse(environ.containsKey(key), key);
        }
        assertFalse(environ.containsValue(null));
        assertEquals("http", environ.get("wsgi.url_scheme"));
    }

    @Test
    void schemeSetByAProxyFilterWinsOverTheConnection() throws Exception {
        request.put("getScheme", args -> "https");
        assertEquals("https", build(Map.of()).get("wsgi.url_scheme"));
    }

    @Test
    void http2BodyWithoutContentLengthIsReadToItsEnd() throws Exception {
        request.put("getProtocol", args -> "HTTP/2.0");
        request.put("getInputStream", args -> body("framed by DATA frames".getBytes()));
        Map<String, Object> environ = build(Map.of());
        assertNull(environ.get("CONTENT_LENGTH"));
        assertEquals("framed by DATA frames", new String(Environ.input(environ).readAllBytes()));
    }

    @Test
    void http11BodyWithoutContentLengthOrChunkingIsEmpty() throws Exception {
        request.put("getInputStream", args -> body("never read".getBytes()));
        assertEquals(0, Environ.input(build(Map.of())).readAllBytes().length);
    }

    @Test
    void chunkedBodyHasNoContentLengthAndIsReadToItsEnd() throws Exception {
        headers.put("Transfer-Encoding", List.of("chunked"));
        request.put("getInputStream", args -> body("decoded by the container".getBytes()));
        Map<String, Object> environ = build(Map.of());
        assertFalse(environ.containsKey("CONTENT_LENGTH"));
        assertEquals("chunked", environ.get("HTTP_TRANSFER_ENCODING"));
        assertEquals("decoded by the container", new String(Environ.input(environ).readAllBytes()));
    }

    @Test
    void contentHeadersAreCgiVariablesOnly() throws Exception {
        headers.put("Content-Type", List.of("text/plain"));
        headers.put("Content-Length", List.of("5"));
        request.put("getContentLengthLong", args -> 5L);
        request.put("getInputStream", args -> body("12345 and the next request".getBytes()));
        Map<String, Object> environ = build(Map.of());
        assertEquals("text/plain", environ.get("CONTENT_TYPE"));
        assertEquals("5", environ.get("CONTENT_LENGTH"));
        assertFalse(environ.containsKey("HTTP_CONTENT_TYPE"));
        assertFalse(environ.containsKey("HTTP_CONTENT_LENGTH"));
        assertEquals("12345", new String(Environ.input(environ).readAllBytes()));
    }

    @Test
    void sameHeaderInTwoSpellingsIsOneKey() throws Exception {
        headers.put("X-Trace", List.of("a", "b"));
        headers.put("x-trace", List.of("a", "b"));
        assertEquals("a,b", build(Map.of()).get("HTTP_X_TRACE"));
    }

    @Test
    void fixedEntriesNeverReplaceWhatTheRequestSays() throws Exception {
        Map<String, Object> environ = build(Map.of("wsgi.url_scheme", "https", "REQUEST_METHOD", "GET", "deploy.tier", "prod"));
        assertEquals("http", environ.get("wsgi.url_scheme"));
        assertEquals("POST", environ.get("REQUEST_METHOD"));
        assertEquals("prod", environ.get("deploy.tier"));
    }

    @Test
    void wsgiEntriesHaveTheirPep3333Types() throws Exception {
        Map<String, Object> environ = build(Map.of());
        assertEquals(List.of(1, 0), environ.get("wsgi.version"));
        assertEquals(Boolean.TRUE, environ.get("wsgi.multithread"));
        assertEquals(Boolean.FALSE, environ.get("wsgi.multiprocess"));
        assertEquals(Boolean.FALSE, environ.get("wsgi.run_once"));
        assertEquals(Boolean.TRUE, environ.get("wsgi.input_terminated"));
        assertTrue(environ.get("wsgi.file_wrapper") instanceof FileWrapper.Factory);
        assertTrue(environ.get("wsgi.errors") instanceof PrintWriter);
    }

    private static HttpServletMapping mapping() {
        return Stubs.stub(HttpServletMapping.class, Map.of("getMappingMatch", args -> MappingMatch.PATH));
    }

    private static ServletInputStream body(byte[] bytes) {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
