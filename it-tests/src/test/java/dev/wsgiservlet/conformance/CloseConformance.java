package dev.wsgiservlet.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.wsgiservlet.conformance.harness.Http;
import dev.wsgiservlet.conformance.harness.Ids;
import dev.wsgiservlet.conformance.harness.RawConnection;
import dev.wsgiservlet.conformance.harness.ResponseHead;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The iterable's {@code close()}: called exactly once however the request ends. */
public interface CloseConformance extends ConformanceTest {

    @Test
    default void closedOnceAfterANormalEnd() {
        String id = Ids.next("close-normal");
        HttpResponse<byte[]> response = get("/closeable-body/?id=" + id);
        assertEquals(200, response.statusCode());
        assertEquals("block-1\nblock-2\n", Http.text(response));
        assertClosedOnce(id);
    }

    @Test
    default void closedOnceWhenOnlyTheIteratorIsCloseable() {
        String id = Ids.next("close-iterator");
        HttpResponse<byte[]> response = get("/closeable-iterator/?id=" + id);
        assertEquals("block-1\nblock-2\n", Http.text(response));
        assertClosedOnce(id);
    }

    @Test
    default void closedOnceWhenIterationRaises() {
        String id = Ids.next("close-raises");
        assertEquals(500, get("/fails-on-first-block/?id=" + id).statusCode());
        assertClosedOnce(id);
    }

    @Test
    default void closedOnceWhenTheApplicationRaisesAfterYielding() throws Exception {
        String id = Ids.next("close-after-yield");
        try (RawConnection connection = RawConnection.open(app())) {
            connection.send("GET " + app().target("/fails-after-first-block/?id=" + id) + " HTTP/1.1\r\nHost: "
                    + app().hostHeader() + "\r\nConnection: close\r\n\r\n");
            assertEquals(200, connection.readHead().status());
            connection.readToEnd();
        }
        assertClosedOnce(id);
    }

    @Test
    default void closedOnceWhenTheClientDisconnectsMidStream() throws Exception {
        String id = Ids.next("close-disconnect");
        try (RawConnection connection = RawConnection.open(app())) {
            connection.send("GET " + app().target("/endless-blocks/?id=" + id) + " HTTP/1.1\r\nHost: "
                    + app().hostHeader() + "\r\n\r\n");
            ResponseHead head = connection.readHead();
            assertEquals(200, head.status(), head::toString);
            assertNotNull(connection.readChunk(), "a first block");
        }
        // The fixture would go on yielding; the server must notice the client left and close().
        assertClosedOnce(id);
    }

    private void assertClosedOnce(String id) {
        String closes = awaitFact(id, "closes", count -> !count.equals("0"));
        assertEquals("1", closes, "close() calls");
        // Read once more: a late second call would show here.
        assertEquals("1", probe(id, "closes"), "close() calls");
    }
}
