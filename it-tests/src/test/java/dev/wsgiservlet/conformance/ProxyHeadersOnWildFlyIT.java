package dev.wsgiservlet.conformance;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.wsgiservlet.conformance.harness.EchoedEnviron;
import dev.wsgiservlet.conformance.harness.FixtureWars;
import dev.wsgiservlet.conformance.harness.Http;
import dev.wsgiservlet.conformance.harness.WildFly;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.as.arquillian.api.ServerSetupTask;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wildfly.plugin.tools.server.ServerManager;

/**
 * The X-Forwarded-* recipe of docs/containers.md, for real: WildFly's default HTTP listener with
 * {@code proxy-address-forwarding=true}, and what the application then finds in environ.
 */
@Tag("wildfly")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@ServerSetup(ProxyHeadersOnWildFlyIT.ProxyAddressForwarding.class)
class ProxyHeadersOnWildFlyIT {

    @ArquillianResource
    private URL conformance;

    @Deployment(testable = false)
    static WebArchive conformanceWar() {
        return WildFly.war("conformance.war", FixtureWars.conformanceWar());
    }

    private EchoedEnviron echo(String... headers) {
        URI uri = URI.create(conformance.toString()).resolve("echo/x");
        HttpRequest.Builder request = Http.request(uri);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<byte[]> response = Http.send(request.GET().build());
        assertEquals(200, response.statusCode(), () -> Http.text(response));
        return EchoedEnviron.parse(Http.text(response));
    }

    @Test
    void forwardedHeadersGiveTheClientsAddressSchemeAndHost() {
        EchoedEnviron environ = echo("X-Forwarded-For", "203.0.113.7", "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "www.example.org", "X-Forwarded-Port", "8443");
        assertAll(
                () -> assertEquals("203.0.113.7", environ.string("REMOTE_ADDR")),
                () -> assertFalse(environ.has("REMOTE_PORT"), "the client's port is unknown"),
                () -> assertEquals("https", environ.string("wsgi.url_scheme")),
                () -> assertEquals("on", environ.string("HTTPS")),
                () -> assertEquals("www.example.org", environ.string("SERVER_NAME")),
                () -> assertEquals("8443", environ.string("SERVER_PORT")),
                () -> assertEquals("www.example.org:8443", environ.string("HTTP_HOST"), "Undertow rewrites Host"),
                () -> assertEquals("203.0.113.7", environ.string("HTTP_X_FORWARDED_FOR")));
    }

    @Test
    void withoutAForwardedPortTheSchemesDefaultPortIsTheServerPort() {
        EchoedEnviron environ = echo("X-Forwarded-Proto", "https", "X-Forwarded-Host", "www.example.org");
        assertAll(
                () -> assertEquals("443", environ.string("SERVER_PORT")),
                () -> assertEquals("www.example.org", environ.string("HTTP_HOST")),
                () -> assertEquals("127.0.0.1", environ.string("REMOTE_ADDR"), "no X-Forwarded-For: the connection's address"));
    }

    @Test
    void theFirstAddressOfXForwardedForIsTaken() {
        // Whatever the client wrote first wins: the proxy must replace X-Forwarded-For, not append to it.
        assertEquals("198.51.100.1", echo("X-Forwarded-For", "198.51.100.1, 203.0.113.7").string("REMOTE_ADDR"));
    }

    @Test
    void withoutForwardedHeadersTheConnectionCounts() {
        EchoedEnviron environ = echo();
        assertAll(
                () -> assertEquals("127.0.0.1", environ.string("REMOTE_ADDR")),
                () -> assertEquals("http", environ.string("wsgi.url_scheme")),
                () -> assertFalse(environ.has("HTTPS")),
                () -> assertEquals(Integer.toString(conformance.getPort()), environ.string("SERVER_PORT")));
    }

    /** {@code proxy-address-forwarding=true} on the default HTTP listener for this class; the listener needs a reload. */
    public static final class ProxyAddressForwarding implements ServerSetupTask {

        @Override
        public void setup(ManagementClient client, String containerId) throws Exception {
            forwarding(client, true);
        }

        @Override
        public void tearDown(ManagementClient client, String containerId) throws Exception {
            forwarding(client, false);
        }

        private void forwarding(ManagementClient client, boolean on) throws Exception {
            ModelNode write = new ModelNode();
            write.get("operation").set("write-attribute");
            write.get("address").add("subsystem", "undertow").add("server", "default-server")
                    .add("http-listener", "default");
            write.get("name").set("proxy-address-forwarding");
            write.get("value").set(on);
            executeOperation(client, write);
            ServerManager.builder().client(client.getControllerClient()).standalone().reloadIfRequired(120, TimeUnit.SECONDS);
        }
    }
}
