package dev.wsgiservlet.conformance;

import dev.wsgiservlet.conformance.harness.EmbeddedJetty;
import dev.wsgiservlet.conformance.harness.TargetServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The whole conformance suite and the sample WAR smoke test on embedded Jetty 12, EE10 (Servlet 6.0). */
class ConformanceOnJettyIT implements EnvironConformance, PathConformance, InputConformance,
        StartResponseConformance, BodyConformance, CloseConformance, FileWrapperConformance, ErrorConformance,
        ConfigConformance, GunicornRequestsConformance, SampleWarSmoke {

    private static EmbeddedJetty server;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedJetty.start();
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
        return JettyGunicornDifferences.all();
    }
}
