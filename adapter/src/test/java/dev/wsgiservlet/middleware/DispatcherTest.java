package dev.wsgiservlet.middleware;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsgiservlet.Header;
import dev.wsgiservlet.WsgiApplication;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DispatcherTest {

    /** An application that answers with its name and records the paths it was given. */
    private static final class Named implements WsgiApplication {
        final String name;
        String scriptName;
        String pathInfo;

        Named(String name) {
            this.name = name;
        }

        @Override
        public Iterable<byte[]> call(Map<String, Object> environ, dev.wsgiservlet.StartResponse startResponse) throws Exception {
            scriptName = (String) environ.get("SCRIPT_NAME");
            pathInfo = (String) environ.get("PATH_INFO");
            startResponse.call("200 OK", List.of());
            return List.of(name.getBytes(StandardCharsets.US_ASCII));
        }
    }

    private final Named root = new Named("root");
    private final Named api = new Named("api");
    private final Named v2 = new Named("v2");
    private final Dispatcher dispatcher = new Dispatcher(root, Map.of("/api", api, "/api/v2", v2));

    private static Map<String, Object> environ(String scriptName, String pathInfo) {
        Map<String, Object> environ = new HashMap<>();
        environ.put("SCRIPT_NAME", scriptName);
        environ.put("PATH_INFO", pathInfo);
        return environ;
    }

    private static String body(Iterable<byte[]> body) {
        StringBuilder out = new StringBuilder();
        body.forEach(b -> out.append(new String(b, StandardCharsets.ISO_8859_1)));
        return out.toString();
    }

    private String dispatch(String scriptName, String pathInfo) throws Exception {
        return body(dispatcher.call(environ(scriptName, pathInfo), (s, h, e) -> data -> { }));
    }

    @Test
    void longestPrefixWins() throws Exception {
        assertEquals("v2", dispatch("/app", "/api/v2/users"));
        assertEquals("/app/api/v2", v2.scriptName);
        assertEquals("/users", v2.pathInfo);
        assertEquals("api", dispatch("/app", "/api/v1/users"));
        assertEquals("/app/api", api.scriptName);
        assertEquals("/v1/users", api.pathInfo);
    }

    @Test
    void exactPrefixLeavesEmptyPathInfo() throws Exception {
        assertEquals("api", dispatch("", "/api"));
        assertEquals("/api", api.scriptName);
        assertEquals("", api.pathInfo);
    }

    @Test
    void trailingSlashStaysInPathInfo() throws Exception {
        assertEquals("v2", dispatch("", "/api/v2/"));
        assertEquals("/api/v2", v2.scriptName);
        assertEquals("/", v2.pathInfo);
    }

    @Test
    void prefixMatchesOnSegmentBoundaryOnly() throws Exception {
        assertEquals("root", dispatch("/app", "/apix"));
        assertEquals("/app", root.scriptName);
        assertEquals("/apix", root.pathInfo);
        assertEquals("api", dispatch("", "/api/v2x"));
        assertEquals("/v2x", api.pathInfo);
    }

    @Test
    void unmatchedRequestReachesFallbackUnchanged() throws Exception {
        Map<String, Object> environ = environ("", "");
        dispatcher.call(environ, (s, h, e) -> data -> { });
        assertEquals("", root.scriptName);
        assertEquals("", root.pathInfo);
        assertEquals(Map.of("SCRIPT_NAME", "", "PATH_INFO", ""), environ);
    }

    @Test
    void environIsMutatedInPlace() throws Exception {
        Map<String, Object> environ = environ("/ctx", "/api/x");
        dispatcher.call(environ, (s, h, e) -> data -> { });
        assertEquals("/ctx/api", environ.get("SCRIPT_NAME"));
        assertEquals("/x", environ.get("PATH_INFO"));
    }

    @Test
    void nonAsciiPrefixMatchesTheUtf8BytesOfThePath() throws Exception {
        Named cafe = new Named("cafe");
        Dispatcher d = new Dispatcher(root, Map.of("/café", cafe));
        String nativePath = new String("/café/menü".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertEquals("cafe", body(d.call(environ("", nativePath), (s, h, e) -> data -> { })));
        assertEquals("/caf\u00c3\u00a9", cafe.scriptName);
        assertEquals("/men\u00c3\u00bc", cafe.pathInfo);
        // The Java string "/café" as such (é as one char) is not what a request path looks like.
        assertEquals("root", body(d.call(environ("", "/café/x"), (s, h, e) -> data -> { })));
    }

    @Test
    void ofAnswers404WithContentLength() throws Exception {
        List<Object> started = new ArrayList<>();
        Iterable<byte[]> body = Dispatcher.of(Map.of("/api", api))
                .call(environ("", "/other"), (status, headers, excInfo) -> {
                    started.add(status);
                    started.add(headers);
                    return data -> { };
                });
        assertEquals("404 Not Found", started.get(0));
        assertEquals(List.of(new Header("Content-Type", "text/plain; charset=utf-8"),
                new Header("Content-Length", "10")), started.get(1));
        List<byte[]> blocks = new ArrayList<>();
        body.forEach(blocks::add);
        assertEquals(1, blocks.size());
        assertArrayEquals("Not Found\n".getBytes(StandardCharsets.US_ASCII), blocks.get(0));
    }

    @Test
    void notFoundPassesLint() throws Exception {
        LintFixture fixture = new LintFixture();
        fixture.environ.put("PATH_INFO", "/nowhere");
        Iterable<byte[]> body = new Lint(Dispatcher.of(Map.of("/api", api))).call(fixture.environ, fixture.server);
        assertEquals("Not Found\n", fixture.drain(body));
        assertEquals("404 Not Found", fixture.server.status);
        assertEquals("", fixture.log());
    }

    @Test
    void mountedApplicationResultIsReturnedAsIs() throws Exception {
        List<byte[]> result = List.of(new byte[] {1});
        Dispatcher d = Dispatcher.of(Map.of("/a", (env, sr) -> result));
        assertSame(result, d.call(environ("", "/a/b"), (s, h, e) -> data -> { }));
    }

    @Test
    void badPrefixesAreRejectedByName() {
        for (String bad : List.of("", "api", "/api/", "/", "//")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Dispatcher.of(Map.of(bad, api)), bad);
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
        IllegalArgumentException surrogate = assertThrows(IllegalArgumentException.class,
                () -> Dispatcher.of(Map.of("/x\uD800", api)));
        assertTrue(surrogate.getMessage().contains("not valid Unicode"), surrogate.getMessage());
    }

    @Test
    void nullPrefixApplicationOrFallbackIsRejected() {
        Map<String, WsgiApplication> nullPrefix = new LinkedHashMap<>();
        nullPrefix.put(null, api);
        assertThrows(IllegalArgumentException.class, () -> Dispatcher.of(nullPrefix));
        Map<String, WsgiApplication> nullApp = new LinkedHashMap<>();
        nullApp.put("/api", null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dispatcher.of(nullApp));
        assertTrue(e.getMessage().contains("'/api'"), e.getMessage());
        assertThrows(NullPointerException.class, () -> new Dispatcher(null, Map.of()));
        assertThrows(NullPointerException.class, () -> Dispatcher.of(null));
    }
}
