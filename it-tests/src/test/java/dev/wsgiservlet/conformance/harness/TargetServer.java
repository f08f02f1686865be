package dev.wsgiservlet.conformance.harness;

/**
 * A servlet container with the fixture WARs deployed: the {@code conformance} WAR (the main
 * web.xml) and the {@code conformance-star} WAR (an echo mapped at {@code /*}).
 */
public interface TargetServer {

    /** The main fixture WAR, deployed at a non-root context path. */
    Deployment conformance();

    /** The WAR whose echo is mapped at {@code /*}. */
    Deployment star();

    /** The container's log. */
    ServerLog log();

    /** Stops the container; safe to call more than once. */
    void stop();
}
