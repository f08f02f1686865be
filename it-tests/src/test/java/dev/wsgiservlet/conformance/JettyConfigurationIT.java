package dev.wsgiservlet.conformance;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.wsgiservlet.conformance.harness.Deployment;
import dev.wsgiservlet.conformance.harness.EchoedEnviron;
import dev.wsgiservlet.conformance.harness.EmbeddedJetty;
import dev.wsgiservlet.conformance.harness.TargetServer;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Jetty settings that docs/containers.md gives, and what the application then sees: the
 * {@code forwarded} module (a {@link ForwardedRequestCustomizer}) behind a proxy, and a
 * UriCompliance that lets empty segments and {@code %25} through.
 */
class JettyConfigurationIT implements ConformanceTest {

    /** What docs/containers.md sets as {@code jetty.httpConfig.uriCompliance}. */
    static final String URI_COMPLIANCE = "DEFAULT,AMBIGUOUS_EMPTY_SEGMENT,AMBIGUOUS_PATH_ENCODING";

    private static EmbeddedJetty server;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedJetty.start(config -> {
            config.addCustomizer(new ForwardedRequestCustomizer());
            config.setUriCompliance(UriCompliance.from(URI_COMPLIANCE));
        });
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Override
    public TargetServer target() {
        return server;
    }

    @Test
    void forwardedHeadersGiveTheClientTheSchemeAndTheHost() throws Exception {
        EchoedEnviron environ = rawEcho(app(), app().target("/echo/x"), "X-Forwarded-For: 203.0.113.7, 10.0.0.2\r\n"
                + "X-Forwarded-Proto: https\r\nX-Forwarded-Host: www.example.org\r\n");
        assertAll(
                () -> assertEquals("203.0.113.7", environ.string("REMOTE_ADDR"), "the left-most X-Forwarded-For"),
                () -> assertEquals("https", environ.string("wsgi.url_scheme")),
                () -> assertEquals("on", environ.string("HTTPS")),
                () -> assertEquals("www.example.org", environ.string("SERVER_NAME")),
                () -> assertEquals("443", environ.string("SERVER_PORT"), "the default port of https"),
                () -> assertEquals("www.example.org", environ.string("HTTP_HOST"), "Jetty rewrites Host"),
                () -> assertEquals("203.0.113.7, 10.0.0.2", environ.string("HTTP_X_FORWARDED_FOR"), "kept"));
    }

    @Test
    void forwardedHostWithAPortSetsServerPort() throws Exception {
        EchoedEnviron environ = rawEcho(app(), app().target("/echo/x"),
                "X-Forwarded-Proto: https\r\nX-Forwarded-Host: www.example.org:8443\r\n");
        assertAll(
                () -> assertEquals("www.example.org", environ.string("SERVER_NAME")),
                () -> assertEquals("8443", environ.string("SERVER_PORT")),
                () -> assertEquals("127.0.0.1", environ.string("REMOTE_ADDR"), "no X-Forwarded-For"));
    }

    @Test
    void withoutForwardedHeadersTheConnectionCounts() throws Exception {
        Deployment app = app();
        EchoedEnviron environ = rawEcho(app, app.target("/echo/x"), "");
        assertAll(
                () -> assertEquals("127.0.0.1", environ.string("REMOTE_ADDR")),
                () -> assertEquals("http", environ.string("wsgi.url_scheme")),
                () -> assertFalse(environ.has("HTTPS"), environ::toString),
                () -> assertEquals(app.host(), environ.string("SERVER_NAME")),
                () -> assertEquals(Integer.toString(app.port()), environ.string("SERVER_PORT")));
    }

    @Test
    void relaxedUriComplianceLetsEmptySegmentsAndEncodedPercentSignsThrough() throws Exception {
        EchoedEnviron slashes = rawEcho(app(), app().target("/prefix/a//b"), "");
        assertEquals(app().contextPath() + "/prefix", slashes.string("SCRIPT_NAME"));
        assertEquals("/a/b", slashes.string("PATH_INFO"), "repeated slashes merged, as on Tomcat");
        EchoedEnviron percent = rawEcho(app(), app().target("/prefix/50%25/%2541"), "");
        assertEquals("/50%/%41", percent.string("PATH_INFO"), "decoded once, as on Tomcat");
    }

    @Test
    void encodedSlashIsStillRefused() throws Exception {
        assertEquals(400, rawGet(app(), app().target("/prefix/a%2Fb"), "").status());
    }
}
