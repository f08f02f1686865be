package dev.wsgiservlet.conformance.harness;

import java.net.URI;

/**
 * Where one fixture WAR is deployed: an HTTP host, port and context path (for example
 * {@code /conformance}).
 */
public record Deployment(String host, int port, String contextPath) {

    /** The raw request target of {@code pathAndQuery} inside this web application. */
    public String target(String pathAndQuery) {
        return contextPath + pathAndQuery;
    }

    /** The URI of {@code pathAndQuery} inside this web application. */
    public URI uri(String pathAndQuery) {
        return URI.create("http://" + host + ":" + port + target(pathAndQuery));
    }

    /** The {@code Host} header value a client sends. */
    public String hostHeader() {
        return host + ":" + port;
    }
}
