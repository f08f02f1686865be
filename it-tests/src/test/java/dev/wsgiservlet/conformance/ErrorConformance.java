package dev.wsgiservlet.conformance;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsgiservlet.conformance.harness.ChunkedBody;
import dev.wsgiservlet.conformance.harness.Container;
import dev.wsgiservlet.conformance.harness.Http;
import dev.wsgiservlet.conformance.harness.Ids;
import dev.wsgiservlet.conformance.harness.RawConnection;
import dev.wsgiservlet.conformance.harness.ResponseHead;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Application errors: what the client sees (with and without debug), what the log gets, errors after the headers. */
public interface ErrorConformance extends ConformanceTest {

    @Test
    default void applicationErrorGivesAPlainServerErrorWithoutTrace() {
        HttpResponse<byte[]> response = get("/fails-immediately/?id=" + Ids.next("plain"));
        String body = Http.text(response);
        assertAll(
                () -> assertEquals(500, response.statusCode()),
                () -> assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
                        response.headers()::toString),
                () -> assertFalse(body.contains("FixtureFailure"), body),
                () -> assertFalse(body.contains("Exception"), body),
                () -> assertFalse(body.contains("dev.wsgiservlet"), body),
                () -> assertFalse(body.contains("\tat "), body));
    }

    @Test
    default void applicationErrorIsLoggedWithItsStackTrace() {
        String id = Ids.next("logged");
        assertEquals(500, get("/fails-immediately/?id=" + id).statusCode());
        String log = awaitLog("fixture failure " + id);
        int at = log.indexOf("fixture failure " + id);
        assertTrue(at >= 0, () -> "the exception's message should be logged:\n" + log);
        assertTrue(log.indexOf(frame("dev.wsgiservlet.fixtures.FailsImmediately.call"), at) > at,
                () -> "the stack trace should follow the message:\n" + log.substring(at));
    }

    @Test
    default void debugModeShowsTheTraceToTheClient() {
        String id = Ids.next("debug");
        HttpResponse<byte[]> response = get("/debug/?id=" + id);
        String body = Http.text(response);
        assertAll(
                () -> assertEquals(500, response.statusCode()),
                () -> assertTrue(body.contains("FixtureFailure"), body),
                () -> assertTrue(body.contains("fixture failure " + id), body),
                () -> assertTrue(body.contains(frame("dev.wsgiservlet.fixtures.FailsImmediately.call")), body));
    }

    @Test
    default void wsgiErrorsGoesToTheContainerLog() {
        String id = Ids.next("errors");
        assertEquals(200, get("/writes-to-errors/?id=" + id).statusCode());
        String log = awaitLog("wsgi.errors line " + id);
        assertTrue(log.contains("wsgi.errors line " + id), () -> "wsgi.errors text should be logged:\n" + log);
    }

    /**
     * A stack-trace line of the fixture WAR's code as the JDK prints it. Where the web
     * application's class loader has a name, the JDK puts it before the class: WildFly's JBoss
     * Modules names it after the deployment ({@code at deployment.conformance.war//dev...}).
     */
    private String frame(String classAndMethod) {
        String loader = target().container() == Container.WILDFLY ? "deployment.conformance.war//" : "";
        return "at " + loader + classAndMethod;
    }

    @Test
    default void errorAfterTheHeadersBreaksTheResponseAlsoWhenTheClientAskedToClose() throws Exception {
        // With Connection: close, a container may end a body of unknown length by closing the
        // connection; an aborted body would then look complete. It must be chunked instead.
        try (RawConnection connection = RawConnection.open(app())) {
            connection.send("GET " + app().target("/fails-after-first-block/?id=" + Ids.next("broken-close"))
                    + " HTTP/1.1\r\nHost: " + app().hostHeader() + "\r\nConnection: close\r\n\r\n");
            ResponseHead head = connection.readHead();
            assertEquals(200, head.status(), head::toString);
            assertTrue(head.chunked(), head::toString);
            assertEquals(1, head.headers().stream().filter(h -> h.getKey().equalsIgnoreCase("Transfer-Encoding")).count(),
                    head::toString);
            ChunkedBody body = connection.readChunkedBody();
            assertEquals("block-1\n", new String(body.bytes(), StandardCharsets.ISO_8859_1));
            assertFalse(body.terminated(), "a broken response must not end with the last chunk");
        }
    }

    @Test
    default void errorAfterTheHeadersBreaksTheResponse() throws Exception {
        try (RawConnection connection = RawConnection.open(app())) {
            connection.send("GET " + app().target("/fails-after-first-block/?id=" + Ids.next("broken"))
                    + " HTTP/1.1\r\nHost: " + app().hostHeader() + "\r\n\r\n");
            ResponseHead head = connection.readHead();
            assertEquals(200, head.status(), head::toString);
            assertTrue(head.chunked(), head::toString);
            ChunkedBody body = connection.readChunkedBody();
            assertEquals("block-1\n", new String(body.bytes(), StandardCharsets.ISO_8859_1));
            assertFalse(body.terminated(), "a broken response must not end with the last chunk");
            assertTrue(connection.atEnd(), "the connection must be closed");
        }
    }
}
