package dev.wsgiservlet.conformance.harness;

/**
 * A servlet container with the WARs under test deployed: the {@code conformance} WAR (the main
 * web.xml), the {@code conformance-star} WAR (an echo mapped at {@code /*}) and the sample WAR.
 */
public interface TargetServer {

    /** Which container this is. */
    Container container();

    /** The main fixture WAR, deployed at a non-root context path. */
    Deployment conformance();

    /** The WAR whose echo is mapped at {@code /*}. */
    Deployment star();

    /** The unchanged {@code war-sample.war}, deployed at {@code /war-sample}. */
    Deployment sample();

    /** The container's log. */
    ServerLog log();

    /** Stops the container; safe to call more than once. */
    void stop();
}
