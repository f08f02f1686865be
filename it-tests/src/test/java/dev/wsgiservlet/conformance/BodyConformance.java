package dev.wsgiservlet.conformance;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsgiservlet.conformance.harness.ChunkedBody;
import dev.wsgiservlet.conformance.harness.EchoedEnviron;
import dev.wsgiservlet.conformance.harness.Eventually;
import dev.wsgiservlet.conformance.harness.Http;
import dev.wsgiservlet.conformance.harness.Ids;
import dev.wsgiservlet.conformance.harness.RawConnection;
import dev.wsgiservlet.conformance.harness.RawResponse;
import dev.wsgiservlet.conformance.harness.ResponseHead;
import dev.wsgiservlet.fixtures.FixedBody;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The response body: flushing, computed Content-Length, chunking, an application's
 * Content-Length (too much, too little), HEAD, 204 and 304.
 */
public interface BodyConformance extends ConformanceTest {

    @Test
    default void eachBlockIsSentWithoutWaitingForTheNext() throws Exception {
        String id = Ids.next("streaming");
        try (RawConnection connection = RawConnection.open(app())) {
            connection.send(request("GET", "/streaming-blocks/?id=" + id, ""));
            ResponseHead head = connection.readHead();
            assertEquals(200, head.status(), head::toString);
            assertTrue(head.chunked(), head::toString);
            // The fixture holds block 2 back until released: block 1 must arrive on its own.
            assertEquals("block-1\n", latin1(connection.readChunk()));
            release(id);
            assertEquals("block-2\n", latin1(connection.readChunk()));
            assertEquals("", latin1(connection.readChunk()), "the last chunk");
        }
    }

    @Test
    default void listOfOneBlockGetsAComputedContentLength() throws Exception {
        RawResponse response = rawGet(app(), app().target("/fixed-body/?parts=1"), "");
        assertAll(
                () -> assertEquals(200, response.status()),
                () -> assertEquals(Integer.toString(FixedBody.PART), response.head().header("Content-Length").orElse(null),
                        response.head()::toString),
                () -> assertFalse(response.head().chunked(), response.head()::toString),
                () -> assertArrayEquals(FixedBody.part(1), response.body()));
    }

    @Test
    default void listOfSeveralBlocksGetsAComputedContentLength() throws Exception {
        RawResponse response = rawGet(app(), app().target("/fixed-body/?parts=3"), "");
        assertAll(
                () -> assertEquals(200, response.status()),
                () -> assertEquals(Integer.toString(3 * FixedBody.PART), response.head().header("Content-Length").orElse(null),
                        response.head()::toString),
                () -> assertFalse(response.head().chunked(), response.head()::toString),
                () -> assertArrayEquals(concat(FixedBody.part(1), FixedBody.part(2), FixedBody.part(3)), response.body()));
    }

    @Test
    default void lazyBodyIsChunkedAndProperlyTerminated() throws Exception {
        try (RawConnection connection = RawConnection.open(app())) {
            connection.send(request("GET", "/generated-blocks/", "") + request("GET", "/echo/after", "Connection: close\r\n"));
            ResponseHead head = connection.readHead();
            assertTrue(head.chunked(), head::toString);
            assertEquals(-1, head.contentLength(), head::toString);
            ChunkedBody body = connection.readChunkedBody();
            assertTrue(body.terminated(), "the last chunk 0\\r\\n\\r\\n");
            assertEquals("one;two;three;", latin1(body.bytes()));
            assertEquals("/after", EchoedEnviron.parse(connection.readResponse().text()).string("PATH_INFO"));
        }
    }

    @Test
    default void bytesBeyondTheApplicationsContentLengthAreNotSent() throws Exception {
        long linesBefore = contentLengthLogLines();
        try (RawConnection connection = RawConnection.open(app())) {
            connection.send(request("GET", "/content-length-overrun/", "")
                    + request("GET", "/echo/after", "Connection: close\r\n"));
            RawResponse response = connection.readResponse();
            assertEquals(200, response.status());
            assertEquals("5", response.head().header("Content-Length").orElse(null));
            assertEquals("01234", response.text());
            // The next response follows at once: the extra bytes never went on the wire.
            RawResponse next = connection.readResponse();
            assertEquals(200, next.status(), next::text);
            assertEquals("/after", EchoedEnviron.parse(next.text()).string("PATH_INFO"));
        }
        long linesAfter = Eventually.poll(this::contentLengthLogLines, n -> n > linesBefore);
        assertTrue(linesAfter > linesBefore,
                () -> "the overrun should be logged, naming Content-Length:\n" + target().log().text());
    }

    @Test
    default void fewerBytesThanTheApplicationsContentLengthCloseTheConnection() throws Exception {
        try (RawConnection connection = RawConnection.open(app())) {
            connection.send(request("GET", "/content-length-shortfall/", ""));
            ResponseHead head = connection.readHead();
            assertEquals(200, head.status(), head::toString);
            assertEquals(10, head.contentLength());
            // The client must see a short body ended by the connection closing, not wait forever.
            assertEquals("01234", latin1(connection.readToEnd()));
        }
    }

    @Test
    default void declaredContentLengthWithEmptyBodyGivesAServerError() {
        HttpResponse<byte[]> response = get("/content-length-without-body/");
        assertEquals(500, response.statusCode(), () -> Http.text(response));
    }

    @Test
    default void headGetsTheHeadersOfGetAndNoBody() throws Exception {
        RawResponse get = rawGet(app(), app().target("/fixed-body/?parts=3"), "");
        try (RawConnection connection = RawConnection.open(app())) {
            connection.send(request("HEAD", "/fixed-body/?parts=3", "")
                    + request("GET", "/echo/after", "Connection: close\r\n"));
            ResponseHead head = connection.readHead();
            assertAll(
                    () -> assertEquals(200, head.status()),
                    () -> assertEquals("HEAD", head.header("X-Request-Method").orElse(null), "the application sees HEAD"),
                    () -> assertEquals(Integer.toString(3 * FixedBody.PART), head.header("Content-Length").orElse(null),
                            "the computed Content-Length"),
                    () -> assertEquals(get.head().header("Content-Length"), head.header("Content-Length")),
                    () -> assertEquals(get.head().header("Content-Type"), head.header("Content-Type")));
            // No body bytes: the next response starts right after the headers.
            RawResponse next = connection.readResponse();
            assertEquals("/after", EchoedEnviron.parse(next.text()).string("PATH_INFO"));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {204, 304})
    default void noBodyStatusesCarryNoBody(int status) throws Exception {
        try (RawConnection connection = RawConnection.open(app())) {
            connection.send(request("GET", "/no-body-status/?status=" + status, "")
                    + request("GET", "/echo/after", "Connection: close\r\n"));
            ResponseHead head = connection.readHead();
            assertEquals(status, head.status(), head::toString);
            assertEquals("yes", head.header("X-Status-Fixture").orElse(null));
            RawResponse next = connection.readResponse();
            assertEquals(200, next.status(), next::text);
            assertEquals("/after", EchoedEnviron.parse(next.text()).string("PATH_INFO"));
        }
    }

    /**
     * Log lines that mention Content-Length. Any level: ServletContext.log, the servlet's portable
     * route to the container log, has none (Tomcat writes it at INFO).
     */
    private long contentLengthLogLines() {
        return target().log().text().lines()
                .map(line -> line.toLowerCase(Locale.ROOT))
                .filter(line -> line.contains("content-length") || line.contains("content length"))
                .count();
    }

    /** A request to the main WAR, with extra header lines (each ending in CRLF). */
    private String request(String method, String pathAndQuery, String extraHeaders) {
        return method + " " + app().target(pathAndQuery) + " HTTP/1.1\r\nHost: " + app().hostHeader() + "\r\n"
                + extraHeaders + "\r\n";
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String latin1(byte[] bytes) {
        return bytes == null ? "<connection ended>" : new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
