package dev.wsgiservlet.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wsgiservlet.conformance.harness.Deployment;
import dev.wsgiservlet.conformance.harness.EchoedEnviron;
import dev.wsgiservlet.conformance.harness.Eventually;
import dev.wsgiservlet.conformance.harness.Http;
import dev.wsgiservlet.conformance.harness.RawConnection;
import dev.wsgiservlet.conformance.harness.RawResponse;
import dev.wsgiservlet.conformance.harness.TargetServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.function.Predicate;

/**
 * The base of every conformance test interface: the server under test, and the few exchanges
 * with the fixtures that all areas share. A container's test class implements the interfaces and
 * gives {@link #target()}.
 */
public interface ConformanceTest {

    /** The container with the fixture WARs deployed. */
    TargetServer target();

    /** The main fixture WAR. */
    default Deployment app() {
        return target().conformance();
    }

    /** {@code GET} a path of the main WAR through {@code HttpClient}. */
    default HttpResponse<byte[]> get(String pathAndQuery) {
        return Http.get(app().uri(pathAndQuery));
    }

    /** The environ the echo fixture saw for {@code GET pathAndQuery}. */
    default EchoedEnviron echo(String pathAndQuery) {
        return echo(app(), pathAndQuery);
    }

    /** The environ the echo fixture of {@code deployment} saw for {@code GET pathAndQuery}. */
    default EchoedEnviron echo(Deployment deployment, String pathAndQuery) {
        HttpResponse<byte[]> response = Http.get(deployment.uri(pathAndQuery));
        assertEquals(200, response.statusCode(), () -> "GET " + pathAndQuery + ": " + Http.text(response));
        return EchoedEnviron.parse(Http.text(response));
    }

    /**
     * Sends {@code GET rawTarget} (the exact bytes, as ISO-8859-1 chars) on a new connection, with
     * extra header lines (each ending in CRLF), and reads the response.
     */
    default RawResponse rawGet(Deployment deployment, String rawTarget, String extraHeaders) throws IOException {
        try (RawConnection connection = RawConnection.open(deployment)) {
            connection.send("GET " + rawTarget + " HTTP/1.1\r\nHost: " + deployment.hostHeader()
                    + "\r\n" + extraHeaders + "Connection: close\r\n\r\n");
            return connection.readResponse();
        }
    }

    /** The environ the echo fixture saw for {@code GET rawTarget}, sent as raw bytes. */
    default EchoedEnviron rawEcho(Deployment deployment, String rawTarget, String extraHeaders) throws IOException {
        RawResponse response = rawGet(deployment, rawTarget, extraHeaders);
        assertEquals(200, response.status(), () -> "GET " + rawTarget + ": " + response.head() + "\n" + response.text());
        return EchoedEnviron.parse(response.text());
    }

    /** A fact the fixtures recorded under {@code id}, read through the probe fixture; {@code null} if none. */
    default String probe(String id, String fact) {
        HttpResponse<byte[]> response = get("/probe/" + id + "/" + fact);
        return response.statusCode() == 200 ? Http.text(response) : null;
    }

    /** Polls the probe, bounded, until the fact satisfies {@code done}; returns the last value. */
    default String awaitFact(String id, String fact, Predicate<String> done) {
        return Eventually.poll(() -> probe(id, fact), value -> value != null && done.test(value));
    }

    /** Releases a fixture waiting under {@code id}. */
    default void release(String id) {
        HttpResponse<byte[]> response = Http.send(Http.request(app().uri("/probe/" + id + "/release"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, response.statusCode(), "release " + id);
    }

    /** Polls the server log, bounded, until it contains {@code needle}; returns the log text. */
    default String awaitLog(String needle) {
        return Eventually.poll(() -> target().log().text(), text -> text.contains(needle));
    }
}
