package dev.wsgiservlet.conformance.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A Tomcat distribution's {@code conf/server.xml}, rewritten for one run from the pristine copy in
 * {@code CATALINA_HOME}: the shutdown port and the HTTP connectors replaced, valves added to the
 * {@code <Host>}, attributes to its AccessLogValve. Everything else (the realm, the listeners, the
 * JULI logging set-up) stays as shipped. Each edit fails unless its pattern matches exactly once.
 */
public final class ServerXml {

    private static final Pattern SHUTDOWN_PORT = Pattern.compile("<Server port=\"-?\\d+\" shutdown=\"SHUTDOWN\">");
    /** The one active HTTP connector of the shipped file (the commented-out ones differ). */
    private static final Pattern HTTP_CONNECTOR = Pattern.compile(
            "<Connector port=\"\\d+\" protocol=\"HTTP/1\\.1\"\\s+connectionTimeout=\"20000\"\\s+redirectPort=\"8443\"\\s*/>");
    private static final Pattern HOST_START = Pattern.compile("<Host name=\"localhost\"[^>]*>");
    private static final Pattern ACCESS_LOG = Pattern.compile(
            "<Valve className=\"org\\.apache\\.catalina\\.valves\\.AccessLogValve\"[^>]*?suffix=\"\\.txt\"");

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
        return edit(SHUTDOWN_PORT, shipped -> "<Server port=\"" + port + "\" shutdown=\"SHUTDOWN\">");
    }

    /** Replaces the shipped HTTP connector on 8080 by {@code connectors}. */
    public ServerXml connectors(List<HttpConnector> connectors) {
        String xml = connectors.stream().map(HttpConnector::xml).collect(Collectors.joining("\n    "));
        return edit(HTTP_CONNECTOR, shipped -> xml);
    }

    /** Adds valves at the start of the {@code localhost} host, ahead of the shipped AccessLogValve. */
    public ServerXml hostValves(String valvesXml) {
        return edit(HOST_START, host -> host + "\n" + valvesXml);
    }

    /** Adds attributes (as XML spells them) to the shipped AccessLogValve. */
    public ServerXml accessLogAttributes(String attributesXml) {
        return edit(ACCESS_LOG, valve -> valve + " " + attributesXml);
    }

    /** The file's text. */
    public String text() {
        return text;
    }

    private ServerXml edit(Pattern pattern, UnaryOperator<String> replacement) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("the distribution's server.xml has no " + pattern.pattern());
        }
        int start = matcher.start();
        int end = matcher.end();
        if (matcher.find()) {
            throw new IllegalStateException("the distribution's server.xml has more than one " + pattern.pattern());
        }
        return new ServerXml(text.substring(0, start) + replacement.apply(text.substring(start, end)) + text.substring(end));
    }
}
