package dev.wsgiservlet.conformance.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A Tomcat distribution's {@code conf/server.xml}, rewritten for one run from the pristine copy in
 * {@code CATALINA_HOME}: the shutdown port and the HTTP connectors replaced, valves added to the
 * {@code <Host>}. Everything else (the AccessLogValve, the realm, the listeners) stays as shipped.
 */
public final class ServerXml {

    private static final Pattern SHUTDOWN_PORT = Pattern.compile("<Server port=\"-?\\d+\" shutdown=\"SHUTDOWN\">");
    /** The one active HTTP connector of the shipped file (the commented-out ones differ). */
    private static final Pattern HTTP_CONNECTOR = Pattern.compile(
            "<Connector port=\"\\d+\" protocol=\"HTTP/1\\.1\"\\s+connectionTimeout=\"20000\"\\s+redirectPort=\"8443\"\\s*/>");
    private static final Pattern HOST_END = Pattern.compile("</Host>");

    private final String text;

    private ServerXml(String text) {
        this.text = text;
    }

    /** The server.xml shipped in {@code home/conf}. */
    public static ServerXml pristine(Path home) throws IOException {
        return new ServerXml(Files.readString(home.resolve("conf/server.xml"), StandardCharsets.UTF_8));
    }

    /** The shutdown port (on localhost, where {@code catalina.sh stop} sends the command). */
    public ServerXml shutdownPort(int port) {
        return new ServerXml(replaceOnce(SHUTDOWN_PORT, text, "<Server port=\"" + port + "\" shutdown=\"SHUTDOWN\">"));
    }

    /** Replaces the shipped HTTP connector on 8080 by {@code connectors}. */
    public ServerXml connectors(List<HttpConnector> connectors) {
        String xml = connectors.stream().map(HttpConnector::xml).collect(Collectors.joining("\n    "));
        return new ServerXml(replaceOnce(HTTP_CONNECTOR, text, xml));
    }

    /** Adds {@code valveXml} as the last valve of the {@code localhost} host. */
    public ServerXml hostValve(String valveXml) {
        return new ServerXml(replaceOnce(HOST_END, text, valveXml + "\n      </Host>"));
    }

    /** The file's text. */
    public String text() {
        return text;
    }

    private static String replaceOnce(Pattern pattern, String text, String replacement) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("the distribution's server.xml has no " + pattern.pattern());
        }
        int start = matcher.start();
        int end = matcher.end();
        if (matcher.find()) {
            throw new IllegalStateException("the distribution's server.xml has more than one " + pattern.pattern());
        }
        return text.substring(0, start) + replacement + text.substring(end);
    }
}
