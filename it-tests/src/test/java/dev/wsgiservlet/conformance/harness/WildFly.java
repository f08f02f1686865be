package dev.wsgiservlet.conformance.harness;

import java.net.URL;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * WildFly 39 as Arquillian's managed container runs it: the WARs are deployed at the URLs
 * Arquillian reports, and the log is the run's {@code server.log}. Arquillian starts the server
 * before the first test class that uses it and stops it when the JUnit run ends, failed tests or
 * not; {@link #stop()} therefore leaves the server to Arquillian.
 */
public final class WildFly implements TargetServer {

    private final Deployment conformance;
    private final Deployment star;
    private final Deployment sample;
    private final WildFlyServerLog log;

    public WildFly(URL conformance, URL star, URL sample, WildFlyServerLog log) {
        this.conformance = deployment(conformance);
        this.star = deployment(star);
        this.sample = deployment(sample);
        this.log = log;
    }

    /**
     * A built WAR file, unchanged, as an Arquillian deployment named {@code name}: WildFly takes
     * the context path from the name ({@code conformance.war} is {@code /conformance}).
     */
    public static WebArchive war(String name, Path file) {
        return ShrinkWrap.create(ZipImporter.class, name).importFrom(file.toFile()).as(WebArchive.class);
    }

    /** Arquillian's URL of a deployment ({@code http://127.0.0.1:PORT/context/}) as host, port and context path. */
    private static Deployment deployment(URL url) {
        if (url == null) {
            throw new IllegalStateException("Arquillian injected no URL for a deployment");
        }
        String path = url.getPath();
        String contextPath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return new Deployment(url.getHost(), url.getPort(), contextPath);
    }

    @Override
    public Container container() {
        return Container.WILDFLY;
    }

    @Override
    public Deployment conformance() {
        return conformance;
    }

    @Override
    public Deployment star() {
        return star;
    }

    @Override
    public Deployment sample() {
        return sample;
    }

    @Override
    public ServerLog log() {
        return log;
    }

    @Override
    public void stop() {
        // Arquillian owns the server's lifecycle: it undeploys after the class and stops the
        // process after the JUnit run, also when tests failed.
    }
}
