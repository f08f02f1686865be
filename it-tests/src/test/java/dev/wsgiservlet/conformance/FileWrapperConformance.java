package dev.wsgiservlet.conformance;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsgiservlet.conformance.harness.EchoedEnviron;
import dev.wsgiservlet.conformance.harness.Ids;
import dev.wsgiservlet.conformance.harness.RawConnection;
import dev.wsgiservlet.conformance.harness.RawResponse;
import dev.wsgiservlet.conformance.harness.ResponseHead;
import dev.wsgiservlet.fixtures.FilePattern;
import dev.wsgiservlet.fixtures.WrappedChannelAtOffset;
import dev.wsgiservlet.fixtures.WrappedPathShortLength;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * {@code wsgi.file_wrapper}: the bytes of a file above 1 MiB by whatever route the server takes
 * (sendfile, transferTo or iteration), its position, Content-Length, HEAD, and closing the file.
 */
public interface FileWrapperConformance extends ConformanceTest {

    @Test
    default void pathWrapperSendsTheWholeFileWithItsLength() {
        HttpResponse<byte[]> response = get("/wrapped-path/");
        String route = "sendfile support: " + response.headers().firstValue("X-Sendfile-Support").orElse("?");
        assertAll(
                () -> assertEquals(200, response.statusCode(), route),
                () -> assertEquals(Long.toString(FilePattern.SIZE),
                        response.headers().firstValue("Content-Length").orElse(null), route),
                () -> assertArrayEquals(FilePattern.bytes(0, FilePattern.SIZE), response.body(), route));
    }

    @Test
    default void channelWrapperStartsAtTheChannelsPosition() {
        HttpResponse<byte[]> response = get("/wrapped-channel-at-offset/?id=" + Ids.next("offset"));
        int offset = WrappedChannelAtOffset.OFFSET;
        assertAll(
                () -> assertEquals(200, response.statusCode()),
                () -> assertEquals(Long.toString(FilePattern.SIZE - offset),
                        response.headers().firstValue("Content-Length").orElse(null)),
                () -> assertArrayEquals(FilePattern.bytes(offset, FilePattern.SIZE), response.body()));
    }

    @Test
    default void applicationsContentLengthLimitsTheFile() throws Exception {
        int length = WrappedPathShortLength.LENGTH;
        try (RawConnection connection = RawConnection.open(app())) {
            connection.send("GET " + app().target("/wrapped-path-short-length/") + " HTTP/1.1\r\nHost: "
                    + app().hostHeader() + "\r\n\r\n"
                    + "GET " + app().target("/echo/after") + " HTTP/1.1\r\nHost: " + app().hostHeader()
                    + "\r\nConnection: close\r\n\r\n");
            RawResponse response = connection.readResponse();
            assertEquals(200, response.status());
            assertEquals(length, response.head().contentLength());
            assertArrayEquals(FilePattern.bytes(0, length), response.body());
            // Nothing past the declared length went out: the next response follows at once.
            assertEquals("/after", EchoedEnviron.parse(connection.readResponse().text()).string("PATH_INFO"));
        }
    }

    @Test
    default void headOfAFileGivesItsLengthAndNoBody() throws Exception {
        try (RawConnection connection = RawConnection.open(app())) {
            connection.send("HEAD " + app().target("/wrapped-path/") + " HTTP/1.1\r\nHost: " + app().hostHeader()
                    + "\r\n\r\n"
                    + "GET " + app().target("/echo/after") + " HTTP/1.1\r\nHost: " + app().hostHeader()
                    + "\r\nConnection: close\r\n\r\n");
            ResponseHead head = connection.readHead();
            assertEquals(200, head.status(), head::toString);
            assertEquals(FilePattern.SIZE, head.contentLength(), head::toString);
            assertEquals("/after", EchoedEnviron.parse(connection.readResponse().text()).string("PATH_INFO"));
        }
    }

    @Test
    default void streamWrapperIsIteratedChunked() throws Exception {
        String id = Ids.next("stream");
        RawResponse response = rawGet(app(), app().target("/wrapped-stream/?id=" + id), "");
        assertEquals(200, response.status());
        assertTrue(response.head().chunked(), response.head()::toString);
        assertArrayEquals(FilePattern.bytes(0, FilePattern.SIZE), response.body());
        assertEquals("true", awaitFact(id, "stream-closed", "true"::equals), "the stream is closed");
    }

    @Test
    default void closingTheWrapperClosesTheFile() {
        String id = Ids.next("channel");
        assertEquals(200, get("/wrapped-channel-at-offset/?id=" + id).statusCode());
        assertEquals("false", awaitFact(id, "channel-open", "false"::equals), "the channel is still open");
    }
}
