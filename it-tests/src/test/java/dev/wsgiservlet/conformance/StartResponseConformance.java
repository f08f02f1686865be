package dev.wsgiservlet.conformance;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsgiservlet.conformance.harness.ChunkedBody;
import dev.wsgiservlet.conformance.harness.Http;
import dev.wsgiservlet.conformance.harness.Ids;
import dev.wsgiservlet.conformance.harness.RawConnection;
import dev.wsgiservlet.conformance.harness.RawResponse;
import dev.wsgiservlet.conformance.harness.ResponseHead;
import dev.wsgiservlet.fixtures.OwnDateAndServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * {@code start_response}: what it rejects, at once and with a message naming the problem; that it
 * defers the headers; {@code exc_info} before and after they are sent; {@code write()}.
 */
public interface StartResponseConformance extends ConformanceTest {

    /** Cases of the RejectedStartResponse fixture, and a word the exception message must contain. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "status-without-reason, status",
        "status-two-digits, status",
        "status-four-digits, status",
        "status-with-crlf, status",
        "status-1xx, 103",
        "name-with-space, Bad Name",
        "name-with-colon, X:Y",
        "name-empty, name",
        "value-with-cr, X-Checked",
        "value-with-lf, X-Checked",
        "value-with-nul, X-Checked",
        "value-beyond-latin1, X-Checked",
        "hop-connection, Connection",
        "hop-keep-alive, Keep-Alive",
        "hop-proxy-authenticate, Proxy-Authenticate",
        "hop-proxy-authorization, Proxy-Authorization",
        "hop-te, TE",
        "hop-trailer, Trailer",
        "hop-trailers, Trailers",
        "hop-transfer-encoding, Transfer-Encoding",
        "hop-upgrade, Upgrade",
    })
    default void startResponseRejectsAtOnce(String badCase, String mentioned) {
        HttpResponse<byte[]> response = get("/rejected-start-response/?case=" + badCase);
        String body = Http.text(response);
        assertEquals(200, response.statusCode(), () -> "the fixture answers 200 after catching; got: " + body);
        assertTrue(body.startsWith("threw java.lang.IllegalArgumentException\n"),
                () -> "start_response should have thrown IllegalArgumentException; the fixture answered: " + body);
        String message = body.substring(body.indexOf('\n') + 1);
        assertTrue(message.toLowerCase(Locale.ROOT).contains(mentioned.toLowerCase(Locale.ROOT)),
                () -> "the message should name '" + mentioned + "': " + message);
    }

    @ParameterizedTest(name = "CR LF in the {0}")
    @CsvSource({"header", "status"})
    default void uncaughtSplittingAttemptGivesACleanServerError(String where) throws Exception {
        RawResponse response = rawGet(app(), app().target("/splitting-attempt/?in=" + where), "");
        assertEquals(500, response.status(), response.head()::toString);
        assertTrue(response.head().header("X-Injected").isEmpty(), response.head()::toString);
        assertFalse(response.text().contains("split"), response::text);
    }

    @Test
    default void secondCallWithoutExcInfoThrows() {
        HttpResponse<byte[]> response = get("/second-start-response/");
        assertEquals(200, response.statusCode(), () -> Http.text(response));
        assertTrue(Http.text(response).startsWith("threw java.lang.IllegalStateException\n"), () -> Http.text(response));
    }

    @Test
    default void failureAfterStartResponseStillGivesAServerError() {
        HttpResponse<byte[]> response = get("/fails-after-start-response/?id=" + Ids.next("deferred"));
        assertEquals(500, response.statusCode(), () -> Http.text(response));
        assertTrue(response.headers().firstValue("X-First").isEmpty(), response.headers()::toString);
    }

    @Test
    default void emptyBlockDoesNotCommitTheHeaders() {
        HttpResponse<byte[]> response = get("/fails-after-empty-block/");
        assertEquals(500, response.statusCode(), () -> Http.text(response));
        assertTrue(response.headers().firstValue("X-First").isEmpty(), response.headers()::toString);
    }

    @Test
    default void excInfoBeforeHeadersReplacesStatusAndHeaders() {
        HttpResponse<byte[]> response = get("/exc-info-before-headers/");
        assertAll(
                () -> assertEquals(500, response.statusCode()),
                () -> assertEquals("yes", response.headers().firstValue("X-Replacement").orElse(null)),
                () -> assertTrue(response.headers().firstValue("X-First").isEmpty(), response.headers()::toString),
                () -> assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain")),
                () -> assertEquals("replaced", Http.text(response)));
    }

    @Test
    default void excInfoAfterHeadersRethrowsTheSameExceptionAndAbortsTheResponse() throws Exception {
        String id = Ids.next("exc-info-after");
        try (RawConnection connection = RawConnection.open(app())) {
            connection.send("GET " + app().target("/exc-info-after-headers/?id=" + id) + " HTTP/1.1\r\nHost: "
                    + app().hostHeader() + "\r\n\r\n");
            ResponseHead head = connection.readHead();
            assertEquals(200, head.status(), head::toString);
            assertTrue(head.chunked(), head::toString);
            ChunkedBody body = connection.readChunkedBody();
            assertEquals("block-1\n", new String(body.bytes(), StandardCharsets.ISO_8859_1));
            assertFalse(body.terminated(), "the chunked body must not end with its last chunk");
            assertTrue(connection.atEnd(), "the connection must be closed");
        }
        assertEquals("same", awaitFact(id, "rethrown", value -> true));
    }

    @Test
    default void writeDataComesBeforeTheIterable() {
        HttpResponse<byte[]> response = get("/write-then-iterable/");
        assertEquals(200, response.statusCode());
        assertEquals("written-1;written-2;iterated", Http.text(response));
    }

    @Test
    default void writeLeavesTheLengthUnknown() throws Exception {
        // Data sent through write() went out before the iterable was seen: no length can be computed.
        RawResponse response = rawGet(app(), app().target("/write-then-iterable/"), "");
        assertEquals(200, response.status(), response.head()::toString);
        assertEquals(-1, response.head().contentLength(), response.head()::toString);
        assertTrue(response.head().chunked(), response.head()::toString);
        assertEquals("written-1;written-2;iterated", response.text());
    }

    @Test
    default void applicationsDateAndServerHeadersAreSentOnce() throws Exception {
        // Jetty sets both before the servlet runs; the application's must replace them, not follow them.
        RawResponse response = rawGet(app(), app().target("/own-date-and-server/"), "");
        assertEquals(200, response.status(), response.head()::toString);
        assertEquals(List.of(OwnDateAndServer.DATE), values(response.head(), "Date"), response.head()::toString);
        assertEquals(List.of(OwnDateAndServer.SERVER), values(response.head(), "Server"), response.head()::toString);
    }

    private static List<String> values(ResponseHead head, String name) {
        return head.headers().stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .collect(Collectors.toList());
    }

    @Test
    default void customReasonPhraseIsDroppedButTheCodeIsKept() throws Exception {
        // The Servlet API cannot send an application's own reason phrase; the status code is what counts.
        RawResponse response = rawGet(app(), app().target("/custom-reason/"), "");
        assertEquals(404, response.status(), response.head()::toString);
        assertFalse(response.head().statusLine().contains("Gone Fishing"), response.head()::toString);
        assertEquals("custom reason", response.text());
    }
}
