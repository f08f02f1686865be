package dev.wsgiservlet.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wsgiservlet.conformance.harness.EchoedEnviron;
import dev.wsgiservlet.conformance.harness.Http;
import dev.wsgiservlet.conformance.harness.Json;
import dev.wsgiservlet.conformance.harness.RawConnection;
import dev.wsgiservlet.conformance.harness.RawResponse;
import dev.wsgiservlet.conformance.harness.ResponseHead;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@code wsgi.input}: where it ends, chunked bodies, the file methods, 100-continue, large uploads. */
public interface InputConformance extends ConformanceTest {

    /** The body the line-method tests send: three lines, an empty one, and a last one without '\n'. */
    String LINES = "line1\nline2\n\nlast-no-newline";

    @Test
    default void inputEndsAtContentLengthAndThePipelinedRequestStaysIntact() throws Exception {
        try (RawConnection connection = RawConnection.open(app())) {
            connection.send("POST " + app().target("/input-echo/") + " HTTP/1.1\r\nHost: " + app().hostHeader()
                    + "\r\nContent-Length: 5\r\n\r\nhello"
                    + "GET " + app().target("/echo/second?after=body") + " HTTP/1.1\r\nHost: " + app().hostHeader()
                    + "\r\nConnection: close\r\n\r\n");
            RawResponse first = connection.readResponse();
            assertEquals(200, first.status(), first::text);
            assertEquals("hello", first.text());
            RawResponse second = connection.readResponse();
            assertEquals(200, second.status(), second::text);
            EchoedEnviron environ = EchoedEnviron.parse(second.text());
            assertEquals("GET", environ.string("REQUEST_METHOD"));
            assertEquals("/second", environ.string("PATH_INFO"));
            assertEquals("after=body", environ.string("QUERY_STRING"));
        }
    }

    @Test
    default void chunkedRequestBodyIsReadToItsEnd() throws Exception {
        try (RawConnection connection = RawConnection.open(app())) {
            connection.send("POST " + app().target("/input-echo/") + " HTTP/1.1\r\nHost: " + app().hostHeader()
                    + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                    + "6\r\nhello \r\n8;ext=1\r\nchunked \r\n5\r\nworld\r\n0\r\n\r\n");
            RawResponse response = connection.readResponse();
            assertEquals(200, response.status(), response::text);
            assertEquals("hello chunked world", response.text());
        }
    }

    @Test
    default void readlineReturnsLinesThenEmptyForever() {
        assertEquals(List.of("line1\n", "line2\n", "\n", "last-no-newline", "", ""), lines("readline"));
    }

    @Test
    default void readlineWithALimitSplitsLongLines() {
        assertEquals(List.of("line", "1\n", "line", "2\n", "\n", "last", "-no-", "newl", "ine", "", "", ""),
                lines("readline-limit"));
    }

    @Test
    default void readlinesReturnsAllLines() {
        assertEquals(List.of("line1\n", "line2\n", "\n", "last-no-newline", "#0"), lines("readlines"));
    }

    @Test
    default void readlinesStopsOnceTheHintIsReached() {
        assertEquals(List.of("line1\n", "line2\n", "|", "\n", "last-no-newline"), lines("readlines-hint"));
    }

    @Test
    default void iterationGivesTheLines() {
        assertEquals(List.of("line1\n", "line2\n", "\n", "last-no-newline"), lines("iterate"));
    }

    @Test
    default void readStopsAtTheEndAndStaysThere() {
        assertEquals(List.of("line1\nl", "ine2\n\nlast-no-newline", "#-1", "#-1", ""), lines("read"));
    }

    @Test
    default void readlineAndReadShareOneBuffer() {
        assertEquals(List.of("line1\n", "lin", "e2\n", "\nlast-no-newline"), lines("mixed"));
    }

    @Test
    default void expectContinueGetsAnInterimResponseAndTheWholeBody() throws Exception {
        try (RawConnection connection = RawConnection.open(app())) {
            connection.send("POST " + app().target("/input-echo/") + " HTTP/1.1\r\nHost: " + app().hostHeader()
                    + "\r\nContent-Length: 11\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n");
            ResponseHead interim = connection.readHead();
            assertEquals(100, interim.status(), interim::toString);
            connection.send("hello world");
            RawResponse response = connection.readResponse();
            assertEquals(200, response.status(), response::text);
            assertEquals("hello world", response.text());
        }
    }

    @Test
    default void largeUploadWithContentLengthArrivesWhole() throws Exception {
        byte[] upload = upload();
        HttpResponse<byte[]> response = Http.send(Http.request(app().uri("/input-digest/"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(upload)).build());
        assertEquals(200, response.statusCode(), () -> Http.text(response));
        assertEquals(upload.length + " " + sha256(upload), Http.text(response));
    }

    @Test
    default void largeChunkedUploadArrivesWhole() throws Exception {
        byte[] upload = upload();
        // A publisher of unknown length makes HttpClient send the body chunked.
        HttpResponse<byte[]> response = Http.send(Http.request(app().uri("/input-digest/"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(upload))).build());
        assertEquals(200, response.statusCode(), () -> Http.text(response));
        assertEquals(upload.length + " " + sha256(upload), Http.text(response));
    }

    /** What the line-reading fixture answered for {@code method} over {@link #LINES}. */
    @SuppressWarnings("unchecked")
    private List<Object> lines(String method) {
        HttpResponse<byte[]> response = Http.send(Http.request(app().uri("/input-lines/?method=" + method))
                .POST(HttpRequest.BodyPublishers.ofString(LINES, StandardCharsets.ISO_8859_1)).build());
        assertEquals(200, response.statusCode(), () -> Http.text(response));
        return (List<Object>) Json.parse(Http.text(response));
    }

    private static byte[] upload() {
        byte[] upload = new byte[3 * 1024 * 1024 + 123];
        new Random(3333).nextBytes(upload);
        return upload;
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
