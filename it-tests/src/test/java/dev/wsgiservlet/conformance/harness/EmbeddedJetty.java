package dev.wsgiservlet.conformance.harness;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/**
 * Embedded Jetty 12 (EE10) on 127.0.0.1 and a free port. Each WAR is deployed through a
 * {@link WebAppContext} with Jetty's default descriptor ({@code webdefault-ee10.xml}), so its
 * {@code web.xml} is parsed and merged as a {@code jetty-home} deployment would do it: the fixture
 * WARs exploded, the sample WAR from its {@code .war} file.
 *
 * <p>Class loading: the test class path holds the adapter and the fixtures too, and both
 * Tomcat's and the servlet API's copies of {@code jakarta.servlet} (the same 6.0 API). Each
 * {@code WebAppContext} keeps Jetty's default for embedded use, child first: classes of the WAR
 * ({@code WEB-INF/classes}, {@code WEB-INF/lib}) are loaded from the WAR, while {@code jakarta.*}
 * and Jetty's own packages always come from the server's class path, so the WARs run their own
 * copy of the adapter as in a {@code jetty-home} whose class path has none.
 *
 * <p>Jetty logs through SLF4J, which the test class path binds to {@code java.util.logging}
 * ({@code slf4j-jdk14}); {@link CapturingLogHandler} reads it there, {@code ServletContext.log}
 * included.
 */
public final class EmbeddedJetty implements TargetServer {

    private static final String HOST = "127.0.0.1";

    private final Server server;
    private final CapturingLogHandler log;
    private final Path work;
    private final int port;
    private boolean stopped;

    private EmbeddedJetty(Server server, CapturingLogHandler log, Path work, int port) {
        this.server = server;
        this.log = log;
        this.work = work;
        this.port = port;
    }

    /**
     * Starts Jetty, with its default HTTP configuration, and the WARs built by this module (see
     * {@link FixtureWars}).
     */
    public static EmbeddedJetty start() throws Exception {
        return start(config -> { });
    }

    /** Starts Jetty as {@link #start()} does, with the HTTP configuration changed by {@code configure}. */
    public static EmbeddedJetty start(Consumer<HttpConfiguration> configure) throws Exception {
        String conformance = exploded(FixtureWars.conformance());
        String star = exploded(FixtureWars.star());
        String sample = FixtureWars.sample().toAbsolutePath().toString();
        HttpConfiguration config = new HttpConfiguration();
        configure.accept(config);
        CapturingLogHandler log = CapturingLogHandler.install();
        Path work = Files.createTempDirectory("conformance-jetty");
        Server server = new Server();
        try {
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config));
            connector.setHost(HOST);
            connector.setPort(0);
            server.addConnector(connector);
            server.setHandler(new ContextHandlerCollection(webapp("/conformance", conformance, work),
                    webapp("/star", star, work), webapp("/war-sample", sample, work)));
            server.start();
            log.startupDone();
            return new EmbeddedJetty(server, log, work, connector.getLocalPort());
        } catch (Exception e) {
            stop(server);
            log.uninstall();
            delete(work);
            throw e;
        }
    }

    private static WebAppContext webapp(String contextPath, String war, Path work) throws IOException {
        WebAppContext context = new WebAppContext();
        context.setContextPath(contextPath);
        context.setWar(war);
        // Where a .war file is unpacked; inside the run's own folder rather than java.io.tmpdir.
        context.setTempDirectory(Files.createDirectories(work.resolve(contextPath.substring(1))).toFile());
        // A web application that fails to deploy must fail the run, not leave a 404 behind.
        context.setThrowUnavailableOnStartupException(true);
        return context;
    }

    private static String exploded(Path path) {
        File dir = path.toAbsolutePath().toFile();
        if (!new File(dir, "WEB-INF/web.xml").isFile()) {
            throw new IllegalStateException("no exploded WAR at " + dir + "; run the build through 'package' first");
        }
        return dir.getPath();
    }

    @Override
    public Container container() {
        return Container.JETTY;
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
            stop(server);
            log.uninstall();
            delete(work);
        }
    }

    /** Removes the run's folder: the unpacked WAR and what Jetty left in it. */
    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + dir, e);
        }
    }

    private static void stop(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop cleanly", e);
        }
    }
}
