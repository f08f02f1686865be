package dev.wsgiservlet.conformance;

import dev.wsgiservlet.conformance.harness.EmbeddedTomcat;
import dev.wsgiservlet.conformance.harness.TargetServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The whole conformance suite and the sample WAR smoke test on embedded Tomcat 10.1 (Servlet 6.0). */
class ConformanceOnEmbeddedTomcatIT implements EnvironConformance, PathConformance, InputConformance,
        StartResponseConformance, BodyConformance, CloseConformance, FileWrapperConformance, ErrorConformance,
        ConfigConformance, GunicornRequestsConformance, SampleWarSmoke {

    private static EmbeddedTomcat server;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedTomcat.start();
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
