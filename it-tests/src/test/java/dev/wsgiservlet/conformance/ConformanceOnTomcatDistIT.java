package dev.wsgiservlet.conformance;

import dev.wsgiservlet.conformance.harness.TargetServer;
import dev.wsgiservlet.conformance.harness.TomcatDistribution;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The whole conformance suite and the sample WAR smoke test on the Apache Tomcat 11 distribution
 * (Servlet 6.1): the WAR files dropped into {@code webapps/}, the server run by {@code bin/catalina.sh}.
 */
class ConformanceOnTomcatDistIT implements EnvironConformance, PathConformance, InputConformance,
        StartResponseConformance, BodyConformance, CloseConformance, FileWrapperConformance, ErrorConformance,
        ConfigConformance, GunicornRequestsConformance, SampleWarSmoke {

    private static TomcatDistribution server;

    @BeforeAll
    static void start() throws Exception {
        server = TomcatDistribution.start();
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

    @Override
    public Map<String, String> gunicornRequestsParsedDifferently() {
        return TomcatGunicornDifferences.all();
    }
}
