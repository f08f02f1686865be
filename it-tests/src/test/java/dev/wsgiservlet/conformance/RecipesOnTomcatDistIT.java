package dev.wsgiservlet.conformance;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsgiservlet.conformance.harness.Catalina;
import dev.wsgiservlet.conformance.harness.CatalinaBase;
import dev.wsgiservlet.conformance.harness.Deployment;
import dev.wsgiservlet.conformance.harness.EchoedEnviron;
import dev.wsgiservlet.conformance.harness.Eventually;
import dev.wsgiservlet.conformance.harness.FixtureWars;
import dev.wsgiservlet.conformance.harness.FreePort;
import dev.wsgiservlet.conformance.harness.Http;
import dev.wsgiservlet.conformance.harness.HttpConnector;
import dev.wsgiservlet.conformance.harness.Ids;
import dev.wsgiservlet.conformance.harness.RawConnection;
import dev.wsgiservlet.conformance.harness.RawResponse;
import dev.wsgiservlet.conformance.harness.ResponseHead;
import dev.wsgiservlet.conformance.harness.ServerXml;
import dev.wsgiservlet.fixtures.FilePattern;
import dev.wsgiservlet.fixtures.LargeFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The Tomcat recipes of docs/containers.md, configured as shown there, on the Tomcat 11
 * distribution: RemoteIpValve and the access log behind a proxy, compression and its conflict with
 * sendfile, what sendfile is for, the ErrorReportValve, and where {@code *.jsp} requests go. One
 * server: the test client plays the reverse proxy at 127.0.0.1, the one trusted address (a client
 * at 127.0.0.2 is not trusted); two connectors compress, one of them without sendfile; two more
 * have a single request thread each, again with and without sendfile.
 */
class RecipesOnTomcatDistIT {

    private static final String REMOTE_IP_VALVE = """
            <Valve className="org.apache.catalina.valves.RemoteIpValve"
                   internalProxies="127.0.0.1/32"
                   remoteIpHeader="X-Forwarded-For"
                   protocolHeader="X-Forwarded-Proto"
                   portHeader="X-Forwarded-Port"
                   hostHeader="X-Forwarded-Host" />""";
    private static final String ERROR_REPORT_VALVE = """
            <Valve className="org.apache.catalina.valves.ErrorReportValve"
                   showReport="false" showServerInfo="false" />""";
    private static final Map<String, String> COMPRESSION = Map.of(
            "compression", "on",
            "compressionMinSize", "2048",
            "compressibleMimeType", "text/html,text/xml,text/plain,text/css,text/javascript,"
                    + "application/javascript,application/json,application/xml");
    /** The sample's download: a text file that the sample sends through {@code wsgi.file_wrapper}. */
    private static final String SAMPLE_FILE = "WEB-INF/files/sample.txt";

    private static final Map<String, String> ONE_THREAD = Map.of("maxThreads", "1", "minSpareThreads", "1");

    private static Catalina catalina;
    private static int port;
    private static int portWithoutSendfile;
    private static int oneThreadPort;
    private static int oneThreadPortWithoutSendfile;

    @BeforeAll
    static void start() throws Exception {
        CatalinaBase base = CatalinaBase.fresh("recipes");
        port = FreePort.next();
        portWithoutSendfile = FreePort.next();
        oneThreadPort = FreePort.next();
        oneThreadPortWithoutSendfile = FreePort.next();
        base.serverXml(ServerXml.pristine(base.home())
                        .shutdownPort(FreePort.next())
                        .connectors(List.of(new HttpConnector(port, COMPRESSION),
                                new HttpConnector(portWithoutSendfile, withoutSendfile(COMPRESSION)),
                                new HttpConnector(oneThreadPort, ONE_THREAD),
                                new HttpConnector(oneThreadPortWithoutSendfile, withoutSendfile(ONE_THREAD))))
                        .hostValves(REMOTE_IP_VALVE + "\n" + ERROR_REPORT_VALVE)
                        // buffered="false": each line is written at once, so the test need not wait for a flush.
                        .accessLogAttributes("requestAttributesEnabled=\"true\" buffered=\"false\""))
                .war(FixtureWars.starWar(), "star")
                .war(FixtureWars.conformanceWar(), "conformance")
                .war(FixtureWars.sample(), "war-sample");
        catalina = Catalina.start(base, List.of(star().uri("/"), at(port, "/conformance").uri("/"),
                at(port, "/war-sample").uri("/"), at(oneThreadPort, "/star").uri("/"),
                at(oneThreadPortWithoutSendfile, "/star").uri("/")));
    }

    @AfterAll
    static void stop() {
        if (catalina != null) {
            catalina.stop();
        }
    }

    private static Map<String, String> withoutSendfile(Map<String, String> attributes) {
        Map<String, String> without = new HashMap<>(attributes);
        without.put("useSendfile", "false");
        return without;
    }

    private static Deployment at(int port, String contextPath) {
        return new Deployment("127.0.0.1", port, contextPath);
    }

    /** The echo mapped at {@code /*}. */
    private static Deployment star() {
        return at(port, "/star");
    }

    /** {@code GET} with extra header lines (each ending in CRLF), from {@code from} (any local address when null). */
    private static Exchange get(Deployment app, String path, InetAddress from, String headers) throws IOException {
        try (RawConnection connection = RawConnection.open(app, from)) {
            connection.send("GET " + app.target(path) + " HTTP/1.1\r\nHost: " + app.hostHeader() + "\r\n" + headers
                    + "Connection: close\r\n\r\n");
            return new Exchange(connection.readResponse(), connection.localPort());
        }
    }

    private record Exchange(RawResponse response, int clientPort) {
        EchoedEnviron environ() {
            assertEquals(200, response.status(), response::text);
            return EchoedEnviron.parse(response.text());
        }
    }

    @Nested
    class ForwardedHeaders {

        @Test
        void withoutForwardedHeadersEnvironShowsTheConnection() throws Exception {
            Exchange exchange = get(star(), "/x", null, "");
            EchoedEnviron environ = exchange.environ();
            assertAll(
                    () -> assertEquals("127.0.0.1", environ.string("REMOTE_ADDR")),
                    () -> assertEquals(Integer.toString(exchange.clientPort()), environ.string("REMOTE_PORT")),
                    () -> assertEquals("http", environ.string("wsgi.url_scheme")),
                    () -> assertFalse(environ.has("HTTPS")),
                    () -> assertEquals("127.0.0.1", environ.string("SERVER_NAME")),
                    () -> assertEquals(Integer.toString(port), environ.string("SERVER_PORT")));
        }

        @Test
        void forwardedForAndProtoGiveTheClientsAddressAndHttps() throws Exception {
            Exchange exchange = get(star(), "/x", null, "X-Forwarded-For: 203.0.113.7\r\nX-Forwarded-Proto: https\r\n");
            EchoedEnviron environ = exchange.environ();
            assertAll(
                    () -> assertEquals("203.0.113.7", environ.string("REMOTE_ADDR")),
                    () -> assertEquals(Integer.toString(exchange.clientPort()), environ.string("REMOTE_PORT"),
                            "the valve leaves the port of the proxy's connection"),
                    () -> assertEquals("https", environ.string("wsgi.url_scheme")),
                    () -> assertEquals("on", environ.string("HTTPS")),
                    () -> assertEquals("443", environ.string("SERVER_PORT"), "the valve's httpsServerPort"),
                    () -> assertEquals("127.0.0.1", environ.string("SERVER_NAME")),
                    () -> assertFalse(environ.has("HTTP_X_FORWARDED_FOR"), "consumed by the valve"),
                    () -> assertEquals("https", environ.string("HTTP_X_FORWARDED_PROTO"), "left as it came"));
        }

        @Test
        void forwardedProtoHttpGivesPort80() throws Exception {
            EchoedEnviron environ = get(star(), "/x", null, "X-Forwarded-For: 203.0.113.7\r\nX-Forwarded-Proto: http\r\n")
                    .environ();
            assertAll(
                    () -> assertEquals("http", environ.string("wsgi.url_scheme")),
                    () -> assertFalse(environ.has("HTTPS")),
                    () -> assertEquals("80", environ.string("SERVER_PORT"), "the valve's httpServerPort"));
        }

        @Test
        void forwardedHostAndPortGiveServerNameAndPortButHttpHostStays() throws Exception {
            EchoedEnviron environ = get(star(), "/x", null, "X-Forwarded-For: 203.0.113.7\r\nX-Forwarded-Proto: https\r\n"
                    + "X-Forwarded-Host: www.example.org\r\nX-Forwarded-Port: 8443\r\n").environ();
            assertAll(
                    () -> assertEquals("www.example.org", environ.string("SERVER_NAME")),
                    () -> assertEquals("8443", environ.string("SERVER_PORT")),
                    () -> assertEquals(star().hostHeader(), environ.string("HTTP_HOST"), "the proxy's own Host header"),
                    () -> assertEquals("https", environ.string("wsgi.url_scheme")));
        }

        @Test
        void anAddressTheClientSentAheadOfTheProxysIsNotTrusted() throws Exception {
            // The proxy appends the address it saw; whatever the client put before it stays a header.
            EchoedEnviron environ = get(star(), "/x", null, "X-Forwarded-For: 198.51.100.1, 203.0.113.7\r\n").environ();
            assertAll(
                    () -> assertEquals("203.0.113.7", environ.string("REMOTE_ADDR")),
                    () -> assertEquals("198.51.100.1", environ.string("HTTP_X_FORWARDED_FOR")));
        }

        @Test
        void forwardedHeadersFromAnUntrustedPeerAreIgnored() throws Exception {
            EchoedEnviron environ = get(star(), "/x", InetAddress.getByName("127.0.0.2"),
                    "X-Forwarded-For: 203.0.113.7\r\nX-Forwarded-Proto: https\r\n").environ();
            assertAll(
                    () -> assertEquals("127.0.0.2", environ.string("REMOTE_ADDR")),
                    () -> assertEquals("http", environ.string("wsgi.url_scheme")),
                    () -> assertFalse(environ.has("HTTPS")),
                    () -> assertEquals(Integer.toString(port), environ.string("SERVER_PORT")),
                    () -> assertEquals("203.0.113.7", environ.string("HTTP_X_FORWARDED_FOR")));
        }

        @Test
        void theAccessLogRecordsTheClientsAddress() throws Exception {
            String path = "/" + Ids.next("access-log");
            get(star(), path, null, "X-Forwarded-For: 203.0.113.8\r\n").environ();
            String line = "203.0.113.8 - - [";
            String log = Eventually.poll(() -> catalina.logs().accessLog(),
                    text -> text.lines().anyMatch(l -> l.startsWith(line) && l.contains("GET /star" + path + " ")));
            assertTrue(log.lines().anyMatch(l -> l.startsWith(line) && l.contains("GET /star" + path + " ")), log);
        }
    }

    @Nested
    class Compression {

        @Test
        void aCompressibleResponseIsGzippedWhenTheClientAcceptsIt() throws Exception {
            RawResponse response = get(star(), "/x", null, "Accept-Encoding: gzip\r\n").response();
            assertEquals("gzip", response.head().header("Content-Encoding").orElse(null), response.head()::toString);
            EchoedEnviron environ = EchoedEnviron.parse(new String(gunzip(response.body()), StandardCharsets.UTF_8));
            assertEquals("gzip", environ.string("HTTP_ACCEPT_ENCODING"), "the application sees the header too");
        }

        @Test
        void notWhenTheClientDoesNotAcceptIt() throws Exception {
            RawResponse response = get(star(), "/x", null, "").response();
            assertFalse(response.head().header("Content-Encoding").isPresent(), response.head()::toString);
            assertEquals("/x", EchoedEnviron.parse(response.text()).string("PATH_INFO"));
        }

        @Test
        void aFileThatGoesOutBySendfileIsNotCompressed() throws Exception {
            byte[] file = sampleFile();
            RawResponse response = get(at(port, "/war-sample"), "/download", null, "Accept-Encoding: gzip\r\n").response();
            assertAll(
                    () -> assertEquals(200, response.status()),
                    () -> assertFalse(response.head().header("Content-Encoding").isPresent(), response.head()::toString),
                    () -> assertEquals(file.length, response.head().contentLength(), response.head()::toString),
                    () -> assertArrayEquals(file, response.body()));
        }

        @Test
        void withoutSendfileTheSameFileIsCompressed() throws Exception {
            byte[] file = sampleFile();
            RawResponse response = get(at(portWithoutSendfile, "/war-sample"), "/download", null,
                    "Accept-Encoding: gzip\r\n").response();
            assertAll(
                    () -> assertEquals(200, response.status()),
                    () -> assertEquals("gzip", response.head().header("Content-Encoding").orElse(null), response.head()::toString),
                    () -> assertTrue(response.body().length < file.length, () -> response.body().length + " bytes"),
                    () -> assertArrayEquals(file, gunzip(response.body())));
        }

        private static byte[] sampleFile() throws IOException {
            try (ZipFile war = new ZipFile(FixtureWars.sample().toFile()); InputStream in = war.getInputStream(war.getEntry(SAMPLE_FILE))) {
                return in.readAllBytes();
            }
        }

        private static byte[] gunzip(byte[] gzipped) throws IOException {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
                return in.readAllBytes();
            }
        }
    }

    /**
     * A client starts a download far larger than the socket buffers and reads only the headers;
     * a second request then shows whether the connector's one request thread is still busy with
     * the first. Without sendfile the servlet copies the file itself ({@code FileChannel.transferTo}
     * into the response stream) and holds the thread until the client has read nearly all of it.
     */
    @Nested
    class Sendfile {

        private static final long SIZE = LargeFile.DEFAULT_MIB * 1024L * 1024L;

        @Test
        void withSendfileTheOneRequestThreadIsFreeWhileTheFileGoesOut() throws Exception {
            Deployment app = at(oneThreadPort, "/conformance");
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
            Deployment app = at(oneThreadPortWithoutSendfile, "/conformance");
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

        private static ResponseHead startDownload(RawConnection download, Deployment app) throws IOException {
            download.send("GET " + app.target("/large-file/") + " HTTP/1.1\r\nHost: " + app.hostHeader()
                    + "\r\nConnection: close\r\n\r\n");
            ResponseHead head = download.readHead();
            assertAll(
                    () -> assertEquals(200, head.status(), head::toString),
                    () -> assertEquals(SIZE, head.contentLength(), head::toString));
            return head;
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

        /** Reads the rest of the download in blocks and compares each with the pattern. */
        private static void assertFileBody(RawConnection download) throws IOException {
            int block = 1024 * 1024;
            for (long at = 0; at < SIZE; at += block) {
                int n = (int) Math.min(block, SIZE - at);
                if (!Arrays.equals(FilePattern.bytes(at, n), download.readExactly(n))) {
                    throw new AssertionError("the file differs in the MiB at offset " + at);
                }
            }
            assertFalse(download.sendsMoreWithin(100), "bytes after the file's end");
        }
    }

    @Nested
    class ErrorPages {

        @Test
        void tomcatsOwnErrorPageShowsNeitherReportNorVersion() throws Exception {
            RawResponse response = get(at(port, "/no-such-context"), "/", null, "").response();
            String page = response.text();
            assertAll(
                    () -> assertEquals(404, response.status()),
                    () -> assertTrue(page.contains("HTTP Status 404"), page),
                    () -> assertFalse(page.contains("Apache Tomcat"), page),
                    () -> assertFalse(page.contains("Description"), page));
        }

        @Test
        void theServletsOwnServerErrorIsLeftAlone() throws Exception {
            RawResponse response = get(at(port, "/conformance"), "/fails-immediately/?id=" + Ids.next("recipes"), null, "")
                    .response();
            assertAll(
                    () -> assertEquals(500, response.status()),
                    () -> assertEquals("text/plain;charset=utf-8", response.head().header("Content-Type").orElse(null)),
                    () -> assertEquals("500 Internal Server Error\n", response.text()));
        }
    }

    @Nested
    class JspExtensionMapping {

        @Test
        void underASlashMappingJspPathsGoToTomcatsJspServlet() throws Exception {
            // The conformance WAR maps its echo at "/": conf/web.xml's *.jsp mapping wins over it.
            RawResponse jsp = get(at(port, "/conformance"), "/page.jsp", null, "").response();
            assertAll(
                    () -> assertEquals(404, jsp.status()),
                    () -> assertTrue(jsp.text().contains("HTTP Status 404"), jsp::text));
            assertEquals("/page.html", get(at(port, "/conformance"), "/page.html", null, "").environ().string("PATH_INFO"));
        }

        @Test
        void underASlashStarMappingJspPathsReachTheApplication() throws Exception {
            assertEquals("/page.jsp", get(star(), "/page.jsp", null, "").environ().string("PATH_INFO"));
        }
    }
}
