package dev.wsgiservlet.conformance.harness;

import java.io.IOException;
import java.util.List;

/**
 * The Apache Tomcat distribution (unpacked by the build) with the three WAR files dropped into
 * {@code webapps/} as a user would: {@code conformance.war}, {@code conformance-star.war} renamed
 * {@code star.war}, and {@code war-sample.war}. Its shipped configuration is kept (AccessLogValve,
 * JULI file logs, conf/web.xml); only the ports change, to free ones on 127.0.0.1.
 */
public final class TomcatDistribution implements TargetServer {

    private static final String HOST = "127.0.0.1";

    private final Catalina catalina;
    private final int port;

    private TomcatDistribution(Catalina catalina, int port) {
        this.catalina = catalina;
        this.port = port;
    }

    /** Prepares a fresh CATALINA_BASE, starts Tomcat and waits until the three contexts answer. */
    public static TomcatDistribution start() throws IOException, InterruptedException {
        CatalinaBase base = CatalinaBase.fresh("conformance");
        int port = FreePort.next();
        base.serverXml(ServerXml.pristine(base.home())
                        .shutdownPort(FreePort.next())
                        .connectors(List.of(HttpConnector.plain(port))))
                .war(FixtureWars.conformanceWar(), "conformance")
                .war(FixtureWars.starWar(), "star")
                .war(FixtureWars.sample(), "war-sample");
        Catalina catalina = Catalina.start(base, List.of(
                at(port, "/conformance").uri("/"), at(port, "/star").uri("/"), at(port, "/war-sample").uri("/")));
        return new TomcatDistribution(catalina, port);
    }

    private static Deployment at(int port, String contextPath) {
        return new Deployment(HOST, port, contextPath);
    }

    @Override
    public Container container() {
        return Container.TOMCAT_DIST;
    }

    @Override
    public Deployment conformance() {
        return at(port, "/conformance");
    }

    @Override
    public Deployment star() {
        return at(port, "/star");
    }

    @Override
    public Deployment sample() {
        return at(port, "/war-sample");
    }

    @Override
    public ServerLog log() {
        return catalina.logs();
    }

    @Override
    public void stop() {
        catalina.stop();
    }
}
