package dev.wsgiservlet.python.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/** Embedded Tomcat on 127.0.0.1 and a free port, capturing the container log. Stop it in a finally or {@code @AfterAll}. */
public final class TomcatServer implements AutoCloseable {

    public static final String HOST = "127.0.0.1";

    private final Tomcat tomcat;
    private final Connector connector;
    private final LogCapture log;
    private final Path baseDir;
    private boolean stopped;

    private TomcatServer(Tomcat tomcat, Connector connector, LogCapture log, Path baseDir) {
        this.tomcat = tomcat;
        this.baseDir = baseDir;
        this.connector = connector;
        this.log = log;
    }

    /** A Tomcat with its connector, not started: deploy into {@link #tomcat()}, then {@link #start()}. */
    public static TomcatServer create() throws IOException {
        LogCapture log = LogCapture.install();
        Tomcat tomcat = new Tomcat();
        Path baseDir = Files.createTempDirectory("python-tomcat");
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", HOST);
        tomcat.setConnector(connector);
        // Embedded Tomcat has no Jasper: the default web.xml's JSP servlet would fail to load.
        tomcat.setAddDefaultWebXmlToWebapp(false);
        return new TomcatServer(tomcat, connector, log, baseDir);
    }

    public Tomcat tomcat() {
        return tomcat;
    }

    public TomcatServer start() throws LifecycleException {
        try {
            tomcat.start();
        } catch (LifecycleException | RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    public int port() {
        return connector.getLocalPort();
    }

    public LogCapture log() {
        return log;
    }

    public Path baseDir() {
        return baseDir;
    }

    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            throw new IllegalStateException("Tomcat did not stop cleanly", e);
        } finally {
            log.uninstall();
            deleteTree(baseDir);
        }
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is not worth failing a test for
        }
    }
}
