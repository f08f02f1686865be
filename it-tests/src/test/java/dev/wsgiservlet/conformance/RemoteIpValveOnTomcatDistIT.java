package dev.wsgiservlet.conformance;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.wsgiservlet.conformance.harness.Catalina;
import dev.wsgiservlet.conformance.harness.CatalinaBase;
import dev.wsgiservlet.conformance.harness.Deployment;
import dev.wsgiservlet.conformance.harness.EchoedEnviron;
import dev.wsgiservlet.conformance.harness.FixtureWars;
import dev.wsgiservlet.conformance.harness.FreePort;
import dev.wsgiservlet.conformance.harness.HttpConnector;
import dev.wsgiservlet.conformance.harness.RawConnection;
import dev.wsgiservlet.conformance.harness.RawResponse;
import dev.wsgiservlet.conformance.harness.ServerXml;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The X-Forwarded-* recipe of docs/containers.md (Tomcat's RemoteIpValve in the {@code <Host>}),
 * on the Tomcat 11 distribution: what the application then sees in environ. The test client plays
 * the reverse proxy at 127.0.0.1, the one trusted address; a client at 127.0.0.2 is not trusted.
 */
class RemoteIpValveOnTomcatDistIT {

    /** The valve exactly as docs/containers.md shows it. */
    private static final String VALVE = """
            <Valve className="org.apache.catalina.valves.RemoteIpValve"
                   internalProxies="127\\.0\\.0\\.1"
                   remoteIpHeader="X-Forwarded-For"
                   protocolHeader="X-Forwarded-Proto"
                   portHeader="X-Forwarded-Port"
                   hostHeader="X-Forwarded-Host" />""";

    private static Catalina catalina;
    private static Deployment app;

    @BeforeAll
    static void start() throws Exception {
        CatalinaBase base = CatalinaBase.fresh("remote-ip");
        int port = FreePort.next();
        base.serverXml(ServerXml.pristine(base.homePath())
                        .shutdownPort(FreePort.next())
                        .connectors(List.of(HttpConnector.plain(port)))
                        .hostValve(VALVE))
                .war(FixtureWars.starWar(), "star");
        app = new Deployment("127.0.0.1", port, "/star");
        catalina = Catalina.start(base, List.of(app.uri("/")));
    }

    @AfterAll
    static void stop() {
        if (catalina != null) {
            catalina.stop();
        }
    }

    @Test
    void withoutForwardedHeadersEnvironShowsTheConnection() throws Exception {
        Echo echo = echo(null, "");
        assertAll(
                () -> assertEquals("127.0.0.1", echo.environ.string("REMOTE_ADDR")),
                () -> assertEquals(Integer.toString(echo.clientPort), echo.environ.string("REMOTE_PORT")),
                () -> assertEquals("http", echo.environ.string("wsgi.url_scheme")),
                () -> assertFalse(echo.environ.has("HTTPS")),
                () -> assertEquals("127.0.0.1", echo.environ.string("SERVER_NAME")),
                () -> assertEquals(Integer.toString(app.port()), echo.environ.string("SERVER_PORT")));
    }

    @Test
    void forwardedForAndProtoGiveTheClientsAddressAndHttps() throws Exception {
        Echo echo = echo(null, "X-Forwarded-For: 203.0.113.7\r\nX-Forwarded-Proto: https\r\n");
        assertAll(
                () -> assertEquals("203.0.113.7", echo.environ.string("REMOTE_ADDR")),
                () -> assertEquals(Integer.toString(echo.clientPort), echo.environ.string("REMOTE_PORT"),
                        "the valve leaves the port of the proxy's connection"),
                () -> assertEquals("https", echo.environ.string("wsgi.url_scheme")),
                () -> assertEquals("on", echo.environ.string("HTTPS")),
                () -> assertEquals("443", echo.environ.string("SERVER_PORT"), "the valve's httpsServerPort"),
                () -> assertEquals("127.0.0.1", echo.environ.string("SERVER_NAME")),
                () -> assertFalse(echo.environ.has("HTTP_X_FORWARDED_FOR"), "consumed by the valve"),
                () -> assertEquals("https", echo.environ.string("HTTP_X_FORWARDED_PROTO"), "left as it came"));
    }

    @Test
    void forwardedProtoHttpGivesPort80() throws Exception {
        Echo echo = echo(null, "X-Forwarded-For: 203.0.113.7\r\nX-Forwarded-Proto: http\r\n");
        assertAll(
                () -> assertEquals("http", echo.environ.string("wsgi.url_scheme")),
                () -> assertFalse(echo.environ.has("HTTPS")),
                () -> assertEquals("80", echo.environ.string("SERVER_PORT"), "the valve's httpServerPort"));
    }

    @Test
    void forwardedHostAndPortGiveServerNameAndPortButHttpHostStays() throws Exception {
        Echo echo = echo(null, "X-Forwarded-For: 203.0.113.7\r\nX-Forwarded-Proto: https\r\n"
                + "X-Forwarded-Host: www.example.org\r\nX-Forwarded-Port: 8443\r\n");
        assertAll(
                () -> assertEquals("www.example.org", echo.environ.string("SERVER_NAME")),
                () -> assertEquals("8443", echo.environ.string("SERVER_PORT")),
                () -> assertEquals(app.hostHeader(), echo.environ.string("HTTP_HOST"), "the proxy's own Host header"),
                () -> assertEquals("https", echo.environ.string("wsgi.url_scheme")));
    }

    @Test
    void anAddressTheClientSentAheadOfTheProxysIsNotTrusted() throws Exception {
        // The proxy appends the address it saw; whatever the client put before it stays a header.
        Echo echo = echo(null, "X-Forwarded-For: 198.51.100.1, 203.0.113.7\r\n");
        assertAll(
                () -> assertEquals("203.0.113.7", echo.environ.string("REMOTE_ADDR")),
                () -> assertEquals("198.51.100.1", echo.environ.string("HTTP_X_FORWARDED_FOR")));
    }

    @Test
    void forwardedHeadersFromAnUntrustedPeerAreIgnored() throws Exception {
        Echo echo = echo(InetAddress.getByName("127.0.0.2"), "X-Forwarded-For: 203.0.113.7\r\nX-Forwarded-Proto: https\r\n");
        assertAll(
                () -> assertEquals("127.0.0.2", echo.environ.string("REMOTE_ADDR")),
                () -> assertEquals("http", echo.environ.string("wsgi.url_scheme")),
                () -> assertFalse(echo.environ.has("HTTPS")),
                () -> assertEquals(Integer.toString(app.port()), echo.environ.string("SERVER_PORT")),
                () -> assertEquals("203.0.113.7", echo.environ.string("HTTP_X_FORWARDED_FOR")));
    }

    private record Echo(EchoedEnviron environ, int clientPort) {
    }

    /** {@code GET /star/x} from {@code from} (any local address when null) with extra header lines. */
    private static Echo echo(InetAddress from, String headers) throws IOException {
        try (RawConnection connection = RawConnection.open(app, from)) {
            connection.send("GET " + app.target("/x") + " HTTP/1.1\r\nHost: " + app.hostHeader() + "\r\n" + headers
                    + "Connection: close\r\n\r\n");
            RawResponse response = connection.readResponse();
            assertEquals(200, response.status(), response::text);
            return new Echo(EchoedEnviron.parse(response.text()), connection.localPort());
        }
    }
}
