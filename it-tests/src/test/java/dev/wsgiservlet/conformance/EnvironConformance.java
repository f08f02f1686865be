package dev.wsgiservlet.conformance;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsgiservlet.conformance.harness.EchoedEnviron;
import dev.wsgiservlet.conformance.harness.Http;
import dev.wsgiservlet.conformance.harness.RawConnection;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PEP 3333 "environ Variables": keys, their presence and their Java types (API.md's table). */
public interface EnvironConformance extends ConformanceTest {

    @Test
    default void requiredCgiKeysArePresentAsStrings() {
        EchoedEnviron environ = echo("/echo/x?a=1");
        assertAll(
                () -> assertEquals("GET", environ.string("REQUEST_METHOD")),
                () -> assertEquals(app().contextPath() + "/echo", environ.string("SCRIPT_NAME")),
                () -> assertEquals("/x", environ.string("PATH_INFO")),
                () -> assertEquals("a=1", environ.string("QUERY_STRING")),
                () -> assertEquals(app().host(), environ.string("SERVER_NAME")),
                () -> assertEquals(Integer.toString(app().port()), environ.string("SERVER_PORT")),
                () -> assertEquals("HTTP/1.1", environ.string("SERVER_PROTOCOL")));
    }

    @Test
    default void environIsAFreshHashMapPerRequest() {
        assertEquals("java.util.HashMap", echo("/echo/").environClass());
        for (int i = 0; i < 3; i++) {
            HttpResponse<byte[]> response = get("/fresh-environ/");
            assertEquals(200, response.statusCode());
            assertEquals("fresh", Http.text(response), "request " + (i + 1));
        }
    }

    @Test
    default void queryStringIsRawAndPresentWhenEmpty() {
        assertEquals("name=caf%C3%A9+x&b=%2F&c", echo("/echo/q?name=caf%C3%A9+x&b=%2F&c").string("QUERY_STRING"));
        assertEquals("", echo("/echo/q").string("QUERY_STRING"));
    }

    @Test
    default void contentTypeAndLengthOnlyWhenTheRequestHasThem() throws Exception {
        // Raw, because JDK 17's HttpClient sends "Content-Length: 0" with every GET.
        EchoedEnviron get = rawEcho(app(), app().target("/echo/"), "");
        assertAll(
                () -> assertFalse(get.has("CONTENT_TYPE"), get::toString),
                () -> assertFalse(get.has("CONTENT_LENGTH"), get::toString));

        HttpResponse<byte[]> response = Http.send(Http.request(app().uri("/echo/"))
                .header("Content-Type", "text/plain; charset=latin-1")
                .POST(HttpRequest.BodyPublishers.ofString("abc")).build());
        EchoedEnviron post = EchoedEnviron.parse(Http.text(response));
        assertAll(
                () -> assertEquals("text/plain; charset=latin-1", post.string("CONTENT_TYPE")),
                () -> assertEquals("3", post.string("CONTENT_LENGTH")),
                () -> assertFalse(post.has("HTTP_CONTENT_TYPE"), post::toString),
                () -> assertFalse(post.has("HTTP_CONTENT_LENGTH"), post::toString));
    }

    @Test
    default void chunkedRequestBodyHasNoContentLength() throws Exception {
        try (RawConnection connection = RawConnection.open(app())) {
            connection.send("POST " + app().target("/echo/") + " HTTP/1.1\r\nHost: " + app().hostHeader()
                    + "\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                    + "5\r\nhello\r\n0\r\n\r\n");
            EchoedEnviron environ = EchoedEnviron.parse(connection.readResponse().text());
            assertAll(
                    () -> assertFalse(environ.has("CONTENT_LENGTH"), environ::toString),
                    () -> assertFalse(environ.has("HTTP_CONTENT_LENGTH"), environ::toString),
                    () -> assertEquals("text/plain", environ.string("CONTENT_TYPE")));
        }
    }

    @Test
    default void remoteAddressIsGivenAndUnknownKeysAreAbsent() {
        EchoedEnviron environ = echo("/echo/");
        assertAll(
                () -> assertEquals("127.0.0.1", environ.string("REMOTE_ADDR")),
                () -> assertTrue(environ.string("REMOTE_PORT").matches("[1-9][0-9]*"), environ::toString),
                () -> assertFalse(environ.has("REMOTE_USER"), environ::toString),
                () -> assertFalse(environ.has("AUTH_TYPE"), environ::toString),
                () -> assertFalse(environ.has("HTTPS"), environ::toString));
    }

    @Test
    default void noValueIsNullAndCgiValuesAreNativeStrings() throws Exception {
        EchoedEnviron environ = rawEcho(app(), app().target("/echo/caf%C3%A9?q=%FF"),
                "X-Latin: caf\u00e9\r\nCookie: a=1\r\n");
        for (String key : environ.keys()) {
            assertNotNull(environ.entry(key), () -> key + " is null in " + environ);
            if (key.equals(key.toUpperCase())) {
                String value = environ.string(key);
                assertTrue(value.chars().allMatch(c -> c <= 0xFF), () -> key + " has a char above U+00FF: " + value);
            }
        }
    }

    @Test
    default void wsgiKeysHaveTheirTypesAndValues() {
        EchoedEnviron environ = echo("/echo/");
        assertAll(
                () -> assertTrue(environ.isA("wsgi.version", "java.util.List"), environ::toString),
                () -> assertEquals(List.of(1, 0).toString(), environ.shown("wsgi.version")),
                () -> assertEquals("http", environ.string("wsgi.url_scheme")),
                () -> assertTrue(environ.isA("wsgi.input", "dev.wsgiservlet.WsgiInput"), environ::toString),
                () -> assertTrue(environ.isA("wsgi.errors", "java.io.PrintWriter"), environ::toString),
                () -> assertBoolean(environ, "wsgi.multithread", true),
                () -> assertBoolean(environ, "wsgi.multiprocess", false),
                () -> assertBoolean(environ, "wsgi.run_once", false),
                () -> assertBoolean(environ, "wsgi.input_terminated", true),
                () -> assertTrue(environ.isA("wsgi.file_wrapper", "dev.wsgiservlet.FileWrapper$Factory"), environ::toString),
                () -> assertTrue(environ.isA("servlet.request", "jakarta.servlet.http.HttpServletRequest"), environ::toString),
                () -> assertTrue(environ.isA("servlet.response", "jakarta.servlet.http.HttpServletResponse"), environ::toString),
                () -> assertTrue(environ.isA("servlet.context", "jakarta.servlet.ServletContext"), environ::toString));
    }

    @Test
    default void multiprocessFollowsItsInitParam() {
        assertBoolean(echo("/multiprocess/"), "wsgi.multiprocess", true);
    }

    @Test
    default void headerNamesBecomeHttpKeys() throws Exception {
        EchoedEnviron environ = rawEcho(app(), app().target("/echo/"), "x-custom-thing: v1\r\nAccept: text/plain\r\n");
        assertAll(
                () -> assertEquals("v1", environ.string("HTTP_X_CUSTOM_THING")),
                () -> assertEquals("text/plain", environ.string("HTTP_ACCEPT")),
                () -> assertEquals(app().hostHeader(), environ.string("HTTP_HOST")));
    }

    @Test
    default void repeatedHeadersAreJoinedWithACommaAndNoSpace() throws Exception {
        EchoedEnviron environ = rawEcho(app(), app().target("/echo/"), "X-A: a\r\nX-B: 1\r\nX-A: b\r\nX-A: c d\r\n");
        assertEquals("a,b,c d", environ.string("HTTP_X_A"));
        assertEquals("1", environ.string("HTTP_X_B"));
    }

    @Test
    default void repeatedCookieHeadersAreJoinedWithSemicolonSpace() throws Exception {
        EchoedEnviron environ = rawEcho(app(), app().target("/echo/"), "Cookie: a=1\r\nCookie: b=2; c=3\r\n");
        assertEquals("a=1; b=2; c=3", environ.string("HTTP_COOKIE"));
    }

    @Test
    default void headerNamesWithUnderscoresAreDropped() throws Exception {
        EchoedEnviron spoofOnly = rawEcho(app(), app().target("/echo/"), "X_Forwarded_For: 6.6.6.6\r\n");
        assertFalse(spoofOnly.has("HTTP_X_FORWARDED_FOR"), spoofOnly::toString);

        EchoedEnviron both = rawEcho(app(), app().target("/echo/"),
                "X-Forwarded-For: 10.0.0.1\r\nX_Forwarded_For: 6.6.6.6\r\n");
        assertEquals("10.0.0.1", both.string("HTTP_X_FORWARDED_FOR"));
    }

    @Test
    default void headerNamesWithUnderscoresAreKeptWhenAllowed() throws Exception {
        EchoedEnviron environ = rawEcho(app(), app().target("/underscores/"), "X_Forwarded_For: 6.6.6.6\r\n");
        assertEquals("6.6.6.6", environ.string("HTTP_X_FORWARDED_FOR"));
    }

    @Test
    default void headerValueBytesAreReadAsLatin1() throws Exception {
        // The raw bytes 0xE9 0xFF and the UTF-8 pair 0xC3 0xA9, each byte one char.
        EchoedEnviron environ = rawEcho(app(), app().target("/echo/"), "X-Latin: caf\u00e9 \u00ff \u00c3\u00a9\r\n");
        assertEquals("caf\u00e9 \u00ff \u00c3\u00a9", environ.string("HTTP_X_LATIN"));
    }

    private static void assertBoolean(EchoedEnviron environ, String key, boolean expected) {
        assertEquals("java.lang.Boolean", environ.className(key), key);
        assertEquals(Boolean.toString(expected), environ.shown(key), key);
    }

    @Test
    default void applicationIsCalledOncePerRequest() {
        String id = dev.wsgiservlet.conformance.harness.Ids.next("calls");
        HttpResponse<byte[]> response = get("/counts-calls/?id=" + id);
        assertEquals(200, response.statusCode());
        assertEquals("1", probe(id, "calls"));
    }
}
