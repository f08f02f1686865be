package dev.wsgiservlet;

/**
 * Which containers must be asked to chunk an HTTP/1.1 body of unknown length.
 *
 * <p>A response that fails after its headers were sent must look broken to the client: a chunked
 * body without its last chunk. Tomcat chunks every HTTP/1.1 body of unknown length. Jetty 12 and
 * Undertow (WildFly) do so only while the connection stays open; when the request said
 * {@code Connection: close} they end the body by closing the connection, and an aborted body then
 * looks complete. Both take a {@code Transfer-Encoding: chunked} header set by the servlet as a
 * request to chunk regardless. Tomcat would send that header a second time, so only the
 * containers listed here get it.
 */
final class ChunkedHint {

    private ChunkedHint() {
    }

    /**
     * Whether the container named by {@code ServletContext.getServerInfo()} needs the hint: Jetty
     * ({@code jetty/12.0.38}), Undertow ({@code Undertow - 2.3.23.Final}) and WildFly, which names
     * itself before Undertow's version ({@code WildFly 39.0.1.Final (WildFly Core 31.0.3.Final) - 2.3.23.Final}).
     */
    static boolean neededBy(String serverInfo) {
        return serverInfo != null && (serverInfo.regionMatches(true, 0, "jetty/", 0, 6)
                || serverInfo.regionMatches(true, 0, "undertow", 0, 8)
                || serverInfo.regionMatches(true, 0, "wildfly ", 0, 8));
    }
}
