package dev.wsgiservlet.conformance;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsgiservlet.conformance.harness.Catalina;
import dev.wsgiservlet.conformance.harness.CatalinaBase;
import dev.wsgiservlet.conformance.harness.Deployment;
import dev.wsgiservlet.conformance.harness.EchoedEnviron;
import dev.wsgiservlet.conformance.harness.FixtureWars;
import dev.wsgiservlet.conformance.harness.FreePort;
import dev.wsgiservlet.conformance.harness.Http;
import dev.wsgiservlet.conformance.harness.HttpConnector;
import dev.wsgiservlet.conformance.harness.RawConnection;
import dev.wsgiservlet.conformance.harness.RawResponse;
import dev.wsgiservlet.conformance.harness.ResponseHead;
import dev.wsgiservlet.conformance.harness.ServerXml;
import dev.wsgiservlet.fixtures.FilePattern;
import dev.wsgiservlet.fixtures.LargeFile;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tomcat's sendfile for {@code wsgi.file_wrapper}, on the NIO connector of the Tomcat 11
 * distribution, shown by what it is for: the request thread is free while the file goes out.
 *
 * <p>One server, two connectors with a single request thread each: one as shipped (sendfile on),
 * one with {@code useSendfile="false"}, where the servlet copies the file itself
 * ({@code FileChannel.transferTo} into the response stream). A client starts a download far larger
 * than the socket buffers and reads only the headers; a second request then shows whether the one
 * thread is still busy with the first.
 */
class SendfileOnTomcatDistIT {

    private static final long SIZE = LargeFile.DEFAULT_MIB * 1024L * 1024L;

    private static Catalina catalina;
    private static int sendfilePort;
    private static int copyingPort;

    @BeforeAll
    static void start() throws Exception {
        CatalinaBase base = CatalinaBase.fresh("sendfile");
        sendfilePort = FreePort.next();
        copyingPort = FreePort.next();
        Map<String, String> oneThread = Map.of("maxThreads", "1", "minSpareThreads", "1");
        Map<String, String> oneThreadNoSendfile = Map.of("maxThreads", "1", "minSpareThreads", "1", "useSendfile", "false");
        base.serverXml(ServerXml.pristine(base.homePath())
                        .shutdownPort(FreePort.next())
                        .connectors(List.of(new HttpConnector(sendfilePort, oneThread),
                                new HttpConnector(copyingPort, oneThreadNoSendfile))))
                .war(FixtureWars.conformanceWar(), "conformance");
        catalina = Catalina.start(base, List.of(app(sendfilePort).uri("/echo/"), app(copyingPort).uri("/echo/")));
    }

    @AfterAll
    static void stop() {
        if (catalina != null) {
            catalina.stop();
        }
    }

    private static Deployment app(int port) {
        return new Deployment("127.0.0.1", port, "/conformance");
    }

    @Test
    void withSendfileTheOneRequestThreadIsFreeWhileTheFileGoesOut() throws Exception {
        Deployment app = app(sendfilePort);
        try (RawConnection download = RawConnection.open(app); RawConnection other = RawConnection.open(app)) {
            ResponseHead head = startDownload(download, app);
            assertEquals("true", head.header("X-Sendfile-Support").orElse(null), head::toString);
            sendOtherRequest(other, app);
            // The body is unread, and yet the connector's only thread answers another request.
            assertTrue(other.sendsMoreWithin((int) Http.TIMEOUT.toMillis()),
                    "the only request thread is still busy with the download: the file did not go out by sendfile");
            assertOtherAnswered(other);
            assertFileBody(download);
        }
    }

    @Test
    void withoutSendfileTheOneRequestThreadCopiesTheFileUntilTheClientReadsIt() throws Exception {
        Deployment app = app(copyingPort);
        try (RawConnection download = RawConnection.open(app); RawConnection other = RawConnection.open(app)) {
            ResponseHead head = startDownload(download, app);
            assertEquals("false", head.header("X-Sendfile-Support").orElse(null), head::toString);
            sendOtherRequest(other, app);
            // The only thread is blocked writing the body that nobody reads: no answer can come.
            assertFalse(other.sendsMoreWithin(2000), "the second request was answered during the download");
            assertFileBody(download);
            assertOtherAnswered(other);
        }
    }

    private static void sendOtherRequest(RawConnection other, Deployment app) throws IOException {
        other.send("GET " + app.target("/echo/other") + " HTTP/1.1\r\nHost: " + app.hostHeader()
                + "\r\nConnection: close\r\n\r\n");
    }

    private static void assertOtherAnswered(RawConnection other) throws IOException {
        RawResponse answer = other.readResponse();
        assertEquals(200, answer.status(), answer::text);
        assertEquals("/other", EchoedEnviron.parse(answer.text()).string("PATH_INFO"));
    }

    private static ResponseHead startDownload(RawConnection download, Deployment app) throws IOException {
        download.send("GET " + app.target("/large-file/") + " HTTP/1.1\r\nHost: " + app.hostHeader()
                + "\r\nConnection: close\r\n\r\n");
        ResponseHead head = download.readHead();
        assertAll(
                () -> assertEquals(200, head.status(), head::toString),
                () -> assertEquals(SIZE, head.contentLength(), head::toString));
        return head;
    }

    /** Reads the rest of the download in blocks and compares each with the pattern. */
    private static void assertFileBody(RawConnection download) throws IOException {
        int block = 1024 * 1024;
        for (long at = 0; at < SIZE; at += block) {
            int n = (int) Math.min(block, SIZE - at);
            byte[] expected = FilePattern.bytes(at, n);
            byte[] actual = download.readExactly(n);
            if (!Arrays.equals(expected, actual)) {
                throw new AssertionError("the file differs in the MiB at offset " + at);
            }
        }
        assertFalse(download.sendsMoreWithin(100), "bytes after the file's end");
    }
}
