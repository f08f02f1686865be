package dev.wsgiservlet.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Constants;
import org.apache.catalina.startup.ContextConfig;
import org.apache.catalina.startup.Tomcat;

/**
 * A WAR deployed on an embedded Tomcat, as dropping it into {@code webapps/} would deploy it:
 * its web.xml is read and it is unpacked, here into a temporary base directory that
 * {@link #close()} removes.
 */
public final class WarServer implements AutoCloseable {

    private final Tomcat tomcat;
    private final Path baseDir;
    private final String host;
    private final String contextPath;
    private boolean closed;

    private WarServer(Tomcat tomcat, Path baseDir, String host, String contextPath) {
        this.tomcat = tomcat;
        this.baseDir = baseDir;
        this.host = host;
        this.contextPath = contextPath;
    }

    /**
     * Deploys {@code war} at {@code contextPath} and starts listening.
     *
     * @param contextPath {@code "/"} or {@code ""} for the root, else {@code /name}
     * @param port the port; 0 picks a free one, see {@link #port()}
     * @throws IOException when the WAR is missing or the base directory cannot be made
     * @throws LifecycleException when Tomcat fails to start, for example the port is taken or the
     *     application fails to deploy
     */
    public static WarServer start(Path war, String contextPath, String host, int port)
            throws IOException, LifecycleException {
        Path warFile = war.toAbsolutePath().normalize();
        if (!Files.isRegularFile(warFile)) {
            throw new NoSuchFileException(warFile.toString(), null, "no WAR file there");
        }
        String path = LauncherOptions.normalizeContextPath(contextPath);
        Path baseDir = Files.createTempDirectory("wsgi-servlet-launcher-");
        Tomcat tomcat = new Tomcat();
        WarServer server = new WarServer(tomcat, baseDir, host, path);
        try {
            tomcat.setBaseDir(baseDir.toString());
            // Tomcat unpacks the WAR under the host's appBase, which must exist.
            Files.createDirectories(baseDir.resolve("webapps"));
            Connector connector = new Connector();
            connector.setPort(port);
            connector.setProperty("address", host);
            tomcat.setConnector(connector);
            tomcat.setAddDefaultWebXmlToWebapp(false);
            ContextConfig config = new ContextConfig();
            // There is no conf/web.xml to merge: WebappDefaults stands in for it.
            config.setDefaultWebXml(Constants.NoDefaultWebXml);
            tomcat.addWebapp(tomcat.getHost(), path, warFile.toString(), config)
                    .addLifecycleListener(new WebappDefaults());
            tomcat.start();
            if (!tomcat.getHost().findChild(path).getState().isAvailable()) {
                throw new LifecycleException("the web application " + warFile + " failed to start; see the log above");
            }
            return server;
        } catch (IOException | LifecycleException | RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    /** The port Tomcat listens on (the free one it picked when asked for port 0). */
    public int port() {
        return tomcat.getConnector().getLocalPort();
    }

    /** The application's URL, with a trailing slash. */
    public URI url() {
        String name = switch (host) {
            case "127.0.0.1", "0.0.0.0", "::", "::1", "localhost" -> "localhost";
            default -> host.contains(":") ? "[" + host + "]" : host;
        };
        return URI.create("http://" + name + ":" + port() + contextPath + "/");
    }

    /** Stops Tomcat and removes its base directory. Safe to call twice, and from a shutdown hook. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            throw new IllegalStateException("Tomcat did not stop cleanly", e);
        } finally {
            deleteTree(baseDir);
        }
    }

    /** Blocks the calling thread until the server is stopped. */
    public void await() {
        tomcat.getServer().await();
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (NoSuchFileException e) {
            // already gone
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + root, e);
        }
    }
}
