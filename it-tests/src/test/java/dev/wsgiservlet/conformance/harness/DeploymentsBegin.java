package dev.wsgiservlet.conformance.harness;

import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.test.spi.event.suite.BeforeClass;

/**
 * Marks in the server log where a test class begins, before Arquillian sets the server up and
 * deploys the class's WARs (see {@link WildFlyServerLog#startupText()}).
 */
public final class DeploymentsBegin {

    /** Ahead of Arquillian's own observers, which deploy on this event. */
    public void beforeClass(@Observes(precedence = 100) BeforeClass event) {
        WildFlyRun.current().log().deploymentsBegin();
    }
}
