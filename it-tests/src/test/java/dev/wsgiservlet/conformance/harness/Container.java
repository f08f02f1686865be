package dev.wsgiservlet.conformance.harness;

/**
 * The servlet containers the suite runs on. A test names one only to state, precisely, a
 * behaviour that the container makes impossible to align (each is listed in docs/containers.md).
 */
public enum Container {
    /** Embedded Apache Tomcat 10.1 (Servlet 6.0), in the test JVM. */
    EMBEDDED_TOMCAT,
    /** Embedded Eclipse Jetty 12 with the EE10 environment (Servlet 6.0), in the test JVM. */
    JETTY,
    /** The Apache Tomcat 11 distribution (Servlet 6.1), started with {@code bin/catalina.sh}. */
    TOMCAT_DIST,
    /** WildFly 39 (Undertow), managed by Arquillian. */
    WILDFLY
}
