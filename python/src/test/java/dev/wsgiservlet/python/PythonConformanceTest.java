package dev.wsgiservlet.python;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsgiservlet.Header;
import dev.wsgiservlet.WsgiApplication;
import dev.wsgiservlet.WsgiServlet;
import dev.wsgiservlet.middleware.Dispatcher;
import dev.wsgiservlet.python.harness.Json;
import dev.wsgiservlet.python.harness.RawHttp;
import dev.wsgiservlet.python.harness.RawHttp.Response;
import dev.wsgiservlet.python.harness.TomcatServer;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PEP 3333 on the Python side, over real HTTP: the fixture applications of
 * {@code src/test/webapps/conformance/WEB-INF/python/fixtures}, deployed through that web.xml on
 * embedded Tomcat. {@code /c/app/*} serves them from one GraalPy context (so {@code /probe} sees
 * what the others recorded, and a second request waits for the first); {@code /c/debug/*} serves
 * them with {@code debug} on and through the Java {@code Lint} middleware.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PythonConformanceTest {

    private static TomcatServer server;

    @TempDir
    Path dir;

    @BeforeAll
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    static void deploy() throws Exception {
        server = TomcatServer.create();
        server.tomcat().addWebapp("/c", Path.of("src/test/webapps/conformance").toAbsolutePath().toString());
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void resetState() throws IOException {
        get("/c/app/probe?reset");
        get("/c/debug/probe?reset");
    }

    private static Response get(String target) throws IOException {
        return RawHttp.get(server.port(), target);
    }

    private static Response post(String target, String body) throws IOException {
        return RawHttp.request(server.port(), "POST", target, body.getBytes(ISO_8859_1));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> probe(String servlet) throws IOException {
        return (Map<String, Object>) Json.object(get("/c/" + servlet + "/probe").text());
    }

    private static double count(String servlet, String name) throws IOException {
        Object value = ((Map<?, ?>) probe(servlet).get("counts")).get(name);
        return value == null ? 0 : (Double) value;
    }

    // --- environ ---------------------------------------------------------------------------------

    @Test
    @SuppressWarnings("unchecked")
    void environIsADictOfNativeStringsWithPythonTypes() throws IOException {
        Response r = get("/c/app/environ/caf%C3%A9?q=%C3%A9");
        assertEquals(200, r.status(), r.text());
        Map<String, Object> report = Json.object(r.text());
        assertEquals("dict", report.get("environ_type"));
        Map<String, Map<String, Object>> cgi = (Map<String, Map<String, Object>>) report.get("cgi");
        for (String key : List.of("REQUEST_METHOD", "SCRIPT_NAME", "PATH_INFO", "QUERY_STRING", "SERVER_NAME",
                "SERVER_PORT", "SERVER_PROTOCOL", "HTTP_HOST")) {
            assertTrue(cgi.containsKey(key), key + " missing: " + cgi.keySet());
        }
        cgi.forEach((key, entry) -> {
            assertEquals("str", entry.get("type"), key);
            assertTrue((Double) entry.get("max") <= 0xFF, key + " has a code point above U+00FF: " + entry);
        });
        assertEquals("/environ/caf\u00c3\u00a9", cgi.get("PATH_INFO").get("value"), "latin-1 decoded bytes of café");
        assertEquals("/c/app", cgi.get("SCRIPT_NAME").get("value"));
        assertEquals("q=%C3%A9", cgi.get("QUERY_STRING").get("value"));
        assertEquals(List.of("tuple", List.of(1.0, 0.0)), report.get("version"));
        assertEquals(List.of("str", "http"), report.get("url_scheme"));
        Map<String, List<Object>> flags = (Map<String, List<Object>>) report.get("flags");
        assertEquals(List.of("bool", true), flags.get("wsgi.multithread"));
        assertEquals(List.of("bool", false), flags.get("wsgi.multiprocess"));
        assertEquals(List.of("bool", false), flags.get("wsgi.run_once"));
        assertEquals(List.of("bool", true), flags.get("wsgi.input_terminated"));
        assertEquals(List.of("read", "readline", "readlines", "__iter__"), report.get("input"));
        assertEquals(List.of("write", "writelines", "flush"), report.get("errors"));
        assertEquals(List.of("type", "FileWrapper"), report.get("file_wrapper"));
        assertEquals(true, report.get("servlet_request"));
        assertEquals("graalpy", report.get("python"));
    }

    @Test
    void pythonPathComesFirstAndItsPthFilesAreRead() throws IOException {
        assertEquals(Map.of("pth", "found through a .pth file", "first", true), Json.object(get("/c/app/paths").text()));
    }

    // --- start_response and the body ---------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"0", "3"})
    void headersWaitForTheFirstNonEmptyBlock(int emptyBlocks) throws IOException {
        int mark = server.log().length();
        Response r = get("/c/app/deferred?empty=" + emptyBlocks);
        assertEquals(500, r.status(), "nothing was sent, so the error can still be a clean 500");
        assertTrue(r.complete());
        assertNull(r.header("X-Fixture"), "the application's headers were never sent");
        assertEquals("500 Internal Server Error\n", r.text());
        String log = server.log().since(mark);
        assertTrue(log.contains("RuntimeError: failed before the first non-empty block"), log);
        assertTrue(log.contains("deferred.py\", line 12, in body"), log);
    }

    @Test
    void excInfoBeforeTheHeadersReplacesThem() throws IOException {
        Response r = get("/c/app/excinfo/before");
        assertEquals(500, r.status());
        assertEquals("yes", r.header("X-Replaced"));
        assertEquals("error page\n", r.text());
    }

    @Test
    void excInfoAfterTheHeadersReRaisesTheOriginalWithItsTraceback() throws IOException {
        int mark = server.log().length();
        Response r = get("/c/app/excinfo/after");
        assertEquals(200, r.status());
        assertFalse(r.complete(), "the connection is aborted, never ended as if the body were whole");
        assertEquals("partial body", r.text());
        Map<?, ?> notes = (Map<?, ?>) probe("app").get("notes");
        assertEquals(true, notes.get("reraised_same"), notes.toString());
        assertEquals(true, notes.get("traceback_kept"), notes.toString());
        String log = server.log().since(mark);
        assertTrue(log.contains("fixtures.excinfo.Failure: after the headers"), log);
        assertTrue(log.contains("excinfo.py\", line 27, in after"), "the original raise site: " + log);
    }

    @Test
    void closeIsCalledOnceAfterAWholeBody() throws IOException {
        Response r = get("/c/app/closing/ok");
        assertEquals("one two", r.text());
        assertEquals(1, count("app", "close ok"));
    }

    @Test
    void closeIsCalledOnceWhenIterationFails() throws IOException {
        Response r = get("/c/app/closing/raise-in-iteration");
        assertFalse(r.complete(), "the headers went out with 'one ', so the response is cut");
        assertEquals(1, count("app", "close raise-in-iteration"));
    }

    @Test
    void closeIsCalledOnceForHead() throws IOException {
        try (RawHttp http = RawHttp.connect(server.port())) {
            http.send("HEAD /c/app/closing/head HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertEquals(200, http.headResponse().status());
        }
        assertEquals(1, count("app", "close head"));
    }

    @Test
    void writeComesBeforeTheIterable() throws IOException {
        Response r = get("/c/app/writer");
        assertEquals(200, r.status());
        assertEquals("written then yielded blocks", r.text());
    }

    @Test
    void aClientGoneDuringWriteStopsTheApplicationWithoutAnApplicationError() throws Exception {
        int mark = server.log().length();
        try (RawHttp http = RawHttp.connect(server.port())) {
            http.send("GET /c/app/writer/big HTTP/1.1\r\nHost: x\r\n\r\n");
            http.readSome(100_000);
        }
        Object error = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (error == null && System.nanoTime() < deadline) {
            error = ((Map<?, ?>) probe("app").get("notes")).get("write_error");
            Thread.sleep(50);
        }
        assertTrue(String.valueOf(error).contains("ClientDisconnectedException"),
                "write() raised the server's disconnect, through Python: " + error);
        assertFalse(server.log().since(mark).contains("application error"), server.log().since(mark));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "status-bytes    | TypeError: status must be a str, not bytes: b'200 OK'",
        "status-latin1   | ValueError: status must be latin-1 (ISO-8859-1) text, but '\u20ac' is not: '200 \u20ac'",
        "headers-tuple   | TypeError: response_headers must be a list of (name, value) tuples, not tuple",
        "header-not-pair | TypeError: each response header must be a (name, value) tuple, not ('A', 'b', 'c')",
        "header-list     | TypeError: each response header must be a (name, value) tuple, not ['A', 'b']",
        "name-bytes      | TypeError: a header name must be a str, not bytes: b'A'",
        "value-int       | TypeError: the value of header 'A' must be a str, not int: 1",
        "value-latin1    | ValueError: the value of header 'A' must be latin-1 (ISO-8859-1) text, but '\u20ac' is not",
        "twice           | RuntimeError: start_response() was already called; a second call must pass exc_info",
        "write-str       | TypeError: write() takes bytes, not str: 'text'",
        "excinfo-shape   | TypeError: exc_info must be the (type, value, traceback) tuple of sys.exc_info(), not 'not a tuple'",
    })
    void misuseRaisesAClearTypeOrValueError(String fixtureCase, String expected) throws IOException {
        Response r = get("/c/app/checks/" + fixtureCase);
        assertEquals(200, r.status(), r.text());
        assertTrue(r.text().startsWith(expected), "expected " + expected + "\n but got " + r.text());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "status-format | ValueError: | OK",
        "hop-by-hop    | ValueError: | Connection",
        "control-char  | ValueError: | A",
    })
    void theServersOwnRulesRaiseValueError(String fixtureCase, String prefix, String named) throws IOException {
        Response r = get("/c/app/checks/" + fixtureCase);
        assertEquals(200, r.status(), r.text());
        assertTrue(r.text().startsWith(prefix) && r.text().contains(named), r.text());
    }

    @Test
    void aBlockThatIsNotBytesIsATypeError() throws IOException {
        int mark = server.log().length();
        Response r = get("/c/app/raises/yield-str");
        assertEquals(500, r.status());
        String log = server.log().since(mark);
        assertTrue(log.contains("TypeError: the application must yield bytes, not str: 'text, not bytes'"), log);
    }

    // --- errors ---------------------------------------------------------------------------------------

    @Test
    void anExceptionIsA500WithTheTracebackInTheLogOnly() throws IOException {
        int mark = server.log().length();
        Response r = get("/c/app/raises");
        assertEquals(500, r.status());
        assertEquals("500 Internal Server Error\n", r.text());
        String log = server.log().since(mark);
        assertTrue(log.contains("Traceback (most recent call last):"), log);
        assertTrue(log.contains("raises.py\", line 8, in application"), log);
        assertTrue(log.contains("ValueError: fixture failure \u00e9"), log);
    }

    @Test
    void withDebugTheBodyIsThePythonTraceback() throws IOException {
        Response r = get("/c/debug/raises");
        assertEquals(500, r.status());
        String body = r.text();
        assertTrue(body.startsWith("500 Internal Server Error\n\nTraceback (most recent call last):\n"), body);
        assertTrue(body.contains("raises.py\", line 8, in application\n    raise ValueError('fixture failure \\u00e9')"),
                body);
        assertTrue(body.strip().endsWith("ValueError: fixture failure \u00e9"), body);
        assertFalse(body.contains("\tat "), "no Java frames: " + body);
    }

    @Test
    void wsgiErrorsGoesToTheContainerLog() throws IOException {
        int mark = server.log().length();
        assertEquals("logged\n", get("/c/app/errors").text());
        String log = server.log().since(mark);
        assertTrue(log.contains(": python wrote this to wsgi.errors\n"), log);
        assertTrue(log.contains(": second line, in parts\n"), log);
        assertTrue(log.contains(": no newline yet\n"), log);
    }

    // --- wsgi.input ------------------------------------------------------------------------------------

    private static List<Object> inputs(String query, String body) throws IOException {
        Response r = post("/c/app/inputs?" + query, body);
        assertEquals(200, r.status(), r.text());
        return Json.array(r.text());
    }

    @Test
    void readWithASizeThenTheRestThenEmpty() throws IOException {
        assertEquals(List.of("abc", "def", "gh", ""), inputs("op=read&n=3", "abcdefgh"));
        assertEquals(List.of("abcdefgh"), inputs("op=read-none", "abcdefgh"));
        assertEquals(List.of("abcdefgh"), inputs("op=read-huge", "abcdefgh"), "a size beyond a Java int");
    }

    @Test
    void readlineWithAndWithoutALimit() throws IOException {
        assertEquals(List.of("lin", "e1\n", "line2\n"), inputs("op=readline&n=3", "line1\nline2\nrest"));
    }

    @Test
    void readlinesStopsOnceTheHintIsReached() throws IOException {
        assertEquals(List.of("a\n", "bb\n", "|", "ccc\n", "d"), inputs("op=readlines&n=3", "a\nbb\nccc\nd"));
    }

    @Test
    void iterationGivesTheLines() throws IOException {
        assertEquals(List.of("one\n", "two\n", "three"), inputs("op=iterate", "one\ntwo\nthree"));
    }

    @Test
    void readsGiveBytesAndSizesMustBeIntegers() throws IOException {
        assertEquals(List.of("bytes", "bytes"), inputs("op=types", "ab\ncd"));
        assertEquals(List.of("TypeError: 'str' object cannot be interpreted as an integer"),
                inputs("op=bad-size", "x"));
    }

    @Test
    void bytesAboveAsciiArriveUnchanged() throws IOException {
        byte[] body = new byte[256];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i;
        }
        Response r = RawHttp.request(server.port(), "POST", "/c/app/inputs?op=read-none", body);
        String echoed = (String) Json.array(r.text()).get(0);
        assertArrayEquals(body, echoed.getBytes(ISO_8859_1));
    }

    @Test
    void aBodyCutShortRaisesOSErrorInPython() throws Exception {
        try (RawHttp http = RawHttp.connect(server.port())) {
            http.send("POST /c/app/inputs?op=read-fails HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n01234");
            http.endOfInput();
            http.response(); // whatever the container answers a client that went away with
        } catch (IOException e) {
            // the container may just close the connection
        }
        Object error = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (error == null && System.nanoTime() < deadline) {
            error = ((Map<?, ?>) probe("app").get("notes")).get("input_error");
            Thread.sleep(50);
        }
        assertTrue(String.valueOf(error).startsWith("OSError: reading the request body failed: "), String.valueOf(error));
        assertTrue(String.valueOf(error).contains("EOFException"), "the Java failure is named: " + error);
    }

    @Test
    void inputEndsAtContentLengthAndLeavesThePipelinedRequestAlone() throws IOException {
        try (RawHttp http = RawHttp.connect(server.port())) {
            http.send("POST /c/app/inputs?op=read-none HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
                    + "GET /c/app/writer HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertEquals(List.of("hello"), Json.array(http.response().text()));
            assertEquals("written then yielded blocks", http.response().text());
        }
    }

    @Test
    void chunkedBodiesAreReadToTheirEnd() throws IOException {
        String chunked = "3\r\nabc\r\n5\r\ndefg\n\r\n3\r\nxyz\r\n0\r\n\r\n";
        for (String[] c : new String[][] {{"op=read-none", "[\"abcdefg\\nxyz\"]"},
                {"op=iterate", "[\"abcdefg\\n\", \"xyz\"]"}}) {
            try (RawHttp http = RawHttp.connect(server.port())) {
                http.send("POST /c/app/inputs?" + c[0] + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                        + "Connection: close\r\n\r\n" + chunked);
                assertEquals(c[1], http.response().text());
            }
        }
    }

    // --- wsgi.file_wrapper ------------------------------------------------------------------------------

    private Path dataFile(int size) throws IOException {
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) (i * 7 + i / 256);
        }
        return Files.write(dir.resolve("data.bin"), data);
    }

    private static String filesQuery(String kind, Path file, int skip) {
        return "kind=" + kind + "&skip=" + skip + "&path=" + URLEncoder.encode(file.toString(), UTF_8);
    }

    @Test
    void aRealFileIsSentByTheContainerFromItsCurrentPosition() throws IOException {
        Path file = dataFile(1_000_000);
        byte[] all = Files.readAllBytes(file);
        Response r = get("/c/app/files?" + filesQuery("real", file, 1000));
        assertEquals(200, r.status());
        assertEquals(Integer.toString(all.length - 1000), r.header("Content-Length"), "the server knew the length");
        assertArrayEquals(Arrays.copyOfRange(all, 1000, all.length), r.body());
        assertEquals(0, count("app", "reads"), "no block was read through Python");
        assertEquals(1, count("app", "closes"), "the Python file object's close() was called");
    }

    @Test
    void anyOtherFileLikeIsIteratedInBlocks() throws IOException {
        Path file = dataFile(100_000);
        byte[] all = Files.readAllBytes(file);
        Response r = get("/c/app/files?" + filesQuery("bytesio", file, 10));
        assertEquals(200, r.status());
        assertArrayEquals(Arrays.copyOfRange(all, 10, all.length), r.body());
        assertEquals(1, count("app", "closes"));
    }

    // --- Java middleware around a Python application -----------------------------------------------------

    @Test
    void lintWrapsAPythonApplicationAndFindsNothingWrong() throws IOException {
        int mark = server.log().length();
        Path file = dataFile(50_000);
        byte[] all = Files.readAllBytes(file);
        assertEquals(200, get("/c/debug/environ").status());
        assertEquals("written then yielded blocks", get("/c/debug/writer").text());
        assertEquals("one two", get("/c/debug/closing/ok").text());
        assertEquals(List.of("abc", "def", "gh", ""),
                Json.array(post("/c/debug/inputs?op=read&n=3", "abcdefgh").text()));
        Response file500 = get("/c/debug/files?" + filesQuery("real", file, 5));
        assertArrayEquals(Arrays.copyOfRange(all, 5, all.length), file500.body());
        assertEquals(1, count("debug", "closes"));
        assertEquals(1, count("debug", "close ok"));
        String log = server.log().since(mark);
        assertFalse(log.contains("LintError"), log);
        assertFalse(log.contains("SEVERE"), log);
    }

    @Test
    @SuppressWarnings("unchecked")
    void dispatcherMountsAPythonApplicationBesideAJavaOne() throws Exception {
        Path webapp = Path.of("src/test/webapps/conformance").toAbsolutePath();
        WsgiApplication python = new PythonApplicationLoader().load("fixtures.router",
                new StubDeployment(webapp).with("python.contexts", "1"));
        WsgiApplication java = (environ, startResponse) -> {
            startResponse.call("200 OK", List.of(new Header("Content-Type", "text/plain")));
            return List.of(("java " + environ.get("SCRIPT_NAME") + " " + environ.get("PATH_INFO")).getBytes(ISO_8859_1));
        };
        Context mount = server.tomcat().addContext("/mount", null);
        try {
            Tomcat.addServlet(mount, "dispatch", new WsgiServlet(Dispatcher.of(Map.of("/py", python, "/java", java))));
            mount.addServletMappingDecoded("/*", "dispatch");

            Response fromPython = get("/mount/py/environ/caf%C3%A9");
            assertEquals(200, fromPython.status(), fromPython.text());
            Map<String, Map<String, Object>> cgi =
                    (Map<String, Map<String, Object>>) Json.object(fromPython.text()).get("cgi");
            assertEquals("/mount/py", cgi.get("SCRIPT_NAME").get("value"));
            assertEquals("/environ/caf\u00c3\u00a9", cgi.get("PATH_INFO").get("value"));
            assertEquals("java /mount/java /x", get("/mount/java/x").text());
            assertEquals(404, get("/mount/elsewhere").status());
        } finally {
            server.tomcat().getHost().removeChild(mount);
            ((AutoCloseable) python).close();
        }
    }

    // --- the pool ------------------------------------------------------------------------------------------

    @Test
    void aRequestThatFindsNoFreeContextGets503WithRetryAfter() throws Exception {
        try (RawHttp busy = RawHttp.connect(server.port())) {
            // The one context is held by a request whose body is still on its way.
            busy.send("POST /c/app/inputs?op=read-none HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n"
                    + "Connection: close\r\n\r\n01234");
            Response answer = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                answer = get("/c/app/writer");
                if (answer.status() == 503) {
                    break;
                }
            }
            assertEquals(503, answer.status(), answer.text());
            assertEquals("7", answer.header("Retry-After"));
            assertTrue(answer.text().startsWith("503 Service Unavailable"), answer.text());
            busy.send("56789");
            assertEquals(List.of("0123456789"), Json.array(busy.response().text()));
        }
        assertEquals(200, get("/c/app/writer").status(), "the context is free again");
    }

    // --- bytes in bulk ----------------------------------------------------------------------------------------

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void fiftyMebibytesEachWayInBulk() throws Exception {
        int mib = 50;
        byte[] block = new byte[65536];
        for (int i = 0; i < block.length; i++) {
            block[i] = (byte) i;
        }
        java.security.MessageDigest expected = java.security.MessageDigest.getInstance("SHA-256");
        byte[] upload = new byte[mib << 20];
        for (int off = 0; off < upload.length; off += block.length) {
            System.arraycopy(block, 0, upload, off, block.length);
        }
        String digest = java.util.HexFormat.of().formatHex(expected.digest(upload));

        long t0 = System.nanoTime();
        Response out = get("/c/app/bulk/out?mb=" + mib);
        long t1 = System.nanoTime();
        assertEquals(200, out.status());
        assertTrue(out.complete());
        assertEquals(digest, java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(out.body())));

        long t2 = System.nanoTime();
        Response in = RawHttp.request(server.port(), "POST", "/c/app/bulk/in", upload);
        long t3 = System.nanoTime();
        assertEquals(digest + " " + upload.length, in.text());
        System.out.printf("bulk: %d MiB Python->Java->client in %.2f s (%.0f MiB/s); client->Java->Python in %.2f s"
                + " (%.0f MiB/s, sha256 in Python included)%n", mib, (t1 - t0) / 1e9, mib / ((t1 - t0) / 1e9),
                (t3 - t2) / 1e9, mib / ((t3 - t2) / 1e9));
    }
}
