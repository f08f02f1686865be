package dev.wsgiservlet.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsgiservlet.WsgiServlet;
import dev.wsgiservlet.python.harness.RawHttp;
import dev.wsgiservlet.python.harness.TomcatServer;
import java.io.File;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.Host;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploy, serve, undeploy, several times: undeploying a Python application leaves no GraalPy,
 * Truffle or start-up thread, no open file in the web application, and a web application class
 * loader the garbage collector can take.
 *
 * <p>The two layouts of docs/python.md. {@link #everythingInWebInfLib()}: GraalPy's jars (but
 * truffle-compiler), wsgi-servlet and this module in WEB-INF/lib, as a single Python WAR is
 * deployed; Tomcat's child-first class loader loads them there, so Truffle itself is loaded and
 * unloaded with each deployment. {@link #everythingOnTheSharedClassPath()}: all of them from the
 * parent class loader, as with the jars in Tomcat's lib/, the WAR holding only WEB-INF/python and
 * its web.xml.
 *
 * <p>Softly reachable memory counts as free here (the test JVM clears soft references at every
 * collection, see the pom), as it is when memory runs short: JDK 20 and later keep the last
 * method handle adapted to a record's types softly, and that may be one of Truffle's.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class LifecycleTest {

    private static final int DEPLOYMENTS = 3;
    private static final Pattern RUNTIME_THREAD = Pattern.compile("(?i).*(truffle|graal|polyglot|python).*");

    @TempDir
    Path war;
    private TomcatServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everythingInWebInfLib() throws Exception {
        copyTree(Path.of("src/test/webapps/lifecycle"), war);
        bundleRuntime();
        cycles(true);
    }

    @Test
    void everythingOnTheSharedClassPath() throws Exception {
        copyTree(Path.of("src/test/webapps/lifecycle"), war);
        cycles(false);
    }

    /** Puts the runtime in the WAR: jars in WEB-INF/lib, class directories in WEB-INF/classes. */
    private void bundleRuntime() throws IOException {
        Path lib = Files.createDirectories(war.resolve("WEB-INF/lib"));
        Path classes = Files.createDirectories(war.resolve("WEB-INF/classes"));
        for (Path entry : runtimeClassPath()) {
            if (Files.isDirectory(entry)) {
                copyTree(entry, classes); // this module's (and in a reactor build the core's) classes
            } else {
                Files.copy(entry, lib.resolve(entry.getFileName()));
            }
        }
    }

    private void cycles(boolean inWar) throws Exception {
        server = TomcatServer.create();
        // Truffle leaves thread-local state on each request thread that ran Python. With the
        // GraalPy jars in WEB-INF/lib that state is the web application's, so its class loader
        // goes once those threads end: Tomcat renews its request threads after an undeploy
        // (ThreadLocalLeakPreventionListener); here idle ones end after a second, to see it happen.
        server.tomcat().getConnector().setProperty("minSpareThreads", "0");
        server.tomcat().getConnector().setProperty("threadsMaxIdleTime", "1000");
        server.start();
        Host host = server.tomcat().getHost();
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        for (int i = 1; i <= DEPLOYMENTS; i++) {
            String path = "/life" + i;
            Context context = server.tomcat().addWebapp(path, war.toString());
            ClassLoader loader = context.getLoader().getClassLoader();
            loaders.add(new WeakReference<>(loader));
            for (String type : List.of(WsgiServlet.class.getName(), PythonApplication.class.getName(),
                    "org.graalvm.polyglot.Engine")) {
                assertEquals(inWar, loader.loadClass(type).getClassLoader() == loader,
                        type + " comes from the WAR, or from the shared class path");
            }
            RawHttp.Response r = RawHttp.get(server.port(), path + "/");
            assertEquals(200, r.status(), r.text() + "\n" + server.log().text());
            assertEquals("hello from " + path + "\n", r.text());
            host.removeChild(context);
            context = null;
            loader = null;
            assertNoRuntimeThreads();
        }
        assertCollectable(loaders);
        assertNoOpenFilesIn(war);
    }

    /** The jars and class directories a Python WAR needs beyond the servlet API: all but truffle-compiler. */
    private static List<Path> runtimeClassPath() {
        Set<Path> own = Set.of(location(WsgiServlet.class), location(PythonApplication.class));
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(p -> own.contains(p) || p.toString().contains("/org/graalvm/")
                        || p.toString().contains("/org/bouncycastle/"))
                .filter(p -> !p.getFileName().toString().startsWith("truffle-compiler-"))
                .collect(Collectors.toList());
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertNoRuntimeThreads() throws InterruptedException {
        List<String> left = List.of();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && RUNTIME_THREAD.matcher(t.getName()).matches())
                    .map(t -> t.getName() + " at " + java.util.Arrays.toString(t.getStackTrace()).replace(", ", "\n    "))
                    .collect(Collectors.toList());
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        assertEquals(List.of(), left, "threads left after undeploy");
    }

    /** No file descriptor of this process points into the web application (its jars, its modules). */
    private static void assertNoOpenFilesIn(Path webapp) throws IOException {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return; // not Linux: nothing to look at
        }
        List<String> open = new ArrayList<>();
        try (Stream<Path> entries = Files.list(fds)) {
            for (Path fd : (Iterable<Path>) entries::iterator) {
                try {
                    Path target = Files.readSymbolicLink(fd);
                    if (target.startsWith(webapp)) {
                        open.add(target.toString());
                    }
                } catch (IOException e) {
                    // closed while listing
                }
            }
        }
        assertEquals(List.of(), open, "files of the web application still open after undeploy");
    }

    private static void assertCollectable(List<WeakReference<ClassLoader>> loaders) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (loaders.stream().allMatch(ref -> ref.get() == null)) {
                return;
            }
            System.gc();
            Thread.sleep(200);
        }
        List<String> alive = new ArrayList<>();
        for (int i = 0; i < loaders.size(); i++) {
            if (loaders.get(i).get() != null) {
                alive.add("deployment " + (i + 1));
            }
        }
        assertTrue(alive.isEmpty(), "web application class loaders still reachable after undeploy: " + alive);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
