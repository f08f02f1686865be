package dev.wsgiservlet.conformance;

import dev.wsgiservlet.conformance.harness.FixtureWars;
import dev.wsgiservlet.conformance.harness.TargetServer;
import dev.wsgiservlet.conformance.harness.WildFly;
import dev.wsgiservlet.conformance.harness.WildFlyRun;
import dev.wsgiservlet.conformance.harness.WildFlyServerLog;
import java.net.URL;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole conformance suite and the sample WAR smoke test on WildFly 39 (Undertow, Servlet 6.0),
 * started by Arquillian's managed container from the unpacked distribution. The three WARs are
 * deployed as built, unchanged; a WAR's file name gives its context path on WildFly.
 */
@Tag("wildfly")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConformanceOnWildFlyIT implements EnvironConformance, PathConformance, InputConformance,
        StartResponseConformance, BodyConformance, CloseConformance, FileWrapperConformance, ErrorConformance,
        ConfigConformance, GunicornRequestsConformance, SampleWarSmoke {

    private static WildFlyServerLog log;

    @ArquillianResource
    @OperateOnDeployment("conformance")
    private URL conformance;

    @ArquillianResource
    @OperateOnDeployment("star")
    private URL star;

    @ArquillianResource
    @OperateOnDeployment("war-sample")
    private URL sample;

    @Deployment(name = "conformance", testable = false)
    static WebArchive conformanceWar() {
        return WildFly.war("conformance.war", FixtureWars.conformanceWar());
    }

    @Deployment(name = "star", testable = false)
    static WebArchive starWar() {
        return WildFly.war("star.war", FixtureWars.starWar());
    }

    @Deployment(name = "war-sample", testable = false)
    static WebArchive sampleWar() {
        return WildFly.war("war-sample.war", FixtureWars.sample());
    }

    /** Arquillian has started the server and deployed the WARs before this runs. */
    @BeforeAll
    static void deployed() {
        log = WildFlyRun.current().log();
        log.startupDone();
    }

    @Override
    public TargetServer target() {
        return new WildFly(conformance, star, sample, log);
    }

    @Override
    public Map<String, String> gunicornRequestsParsedDifferently() {
        return UndertowGunicornDifferences.all(conformance.getPort());
    }
}
