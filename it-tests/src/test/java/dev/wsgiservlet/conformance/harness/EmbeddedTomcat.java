package dev.wsgiservlet.conformance.harness;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * Embedded Tomcat on 127.0.0.1 and a free port, with the exploded fixture WARs deployed through
 * {@code addWebapp}, so their {@code web.xml} is parsed as a real deployment would be; the sample
 * WAR is deployed from its {@code .war} file.
 */
public final class EmbeddedTomcat implements TargetServer {

    private static final String HOST = "127.0.0.1";

    private final Tomcat tomcat;
    private final CapturingLogHandler log;
    private final int port;
    private boolean stopped;

    private EmbeddedTomcat(Tomcat tomcat, CapturingLogHandler log, int port) {
        this.tomcat = tomcat;
        this.log = log;
        this.port = port;
    }

    /** Starts Tomcat with the WARs built by this module (see {@link FixtureWars}). */
    public static EmbeddedTomcat start() throws IOException, LifecycleException {
        CapturingLogHandler log = CapturingLogHandler.install();
        Tomcat tomcat = new Tomcat();
        Path baseDir = Files.createTempDirectory("conformance-tomcat");
        tomcat.setBaseDir(baseDir.toString());
        // A WAR file is expanded into the host's appBase, which must exist.
        Files.createDirectories(baseDir.resolve("webapps"));
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", HOST);
        tomcat.setConnector(connector);
        // Embedded Tomcat has no Jasper: the default web.xml's JSP servlet would fail to load.
        tomcat.setAddDefaultWebXmlToWebapp(false);
        tomcat.addWebapp("/conformance", absolute(FixtureWars.conformance()));
        tomcat.addWebapp("/star", absolute(FixtureWars.star()));
        tomcat.addWebapp("/war-sample", FixtureWars.sample().toAbsolutePath().toString());
        try {
            tomcat.start();
        } catch (LifecycleException | RuntimeException e) {
            destroy(tomcat);
            log.uninstall();
            throw e;
        }
        log.startupDone();
        return new EmbeddedTomcat(tomcat, log, connector.getLocalPort());
    }

    private static String absolute(Path path) {
        File dir = path.toAbsolutePath().toFile();
        if (!new File(dir, "WEB-INF/web.xml").isFile()) {
            throw new IllegalStateException("no exploded WAR at " + dir + "; run the build through 'package' first");
        }
        return dir.getPath();
    }

    @Override
    public Container container() {
        return Container.EMBEDDED_TOMCAT;
    }

    @Override
    public Deployment conformance() {
        return new Deployment(HOST, port, "/conformance");
    }

    @Override
    public Deployment star() {
        return new Deployment(HOST, port, "/star");
    }

    @Override
    public Deployment sample() {
        return new Deployment(HOST, port, "/war-sample");
    }

    @Override
    public ServerLog log() {
        return log;
    }

    @Override
    public synchronized void stop() {
        if (!stopped) {
            stopped = true;
            destroy(tomcat);
            log.uninstall();
        }
    }

    private static void destroy(Tomcat tomcat) {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            throw new IllegalStateException("Tomcat did not stop cleanly", e);
        }
    }
}
