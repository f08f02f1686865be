package dev.wsgiservlet.conformance.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What one run of the managed WildFly server needs that is only known when it starts: a port
 * offset under which its ports are free, and an emptied directory for the run's {@code log},
 * {@code data} and {@code tmp}, so that no run inherits another's state.
 */
public final class WildFlyRun {

    private static volatile WildFlyRun current;

    private final int portOffset;
    private final Path directory;
    private final WildFlyServerLog log;

    private WildFlyRun(int portOffset, Path directory) {
        this.portOffset = portOffset;
        this.directory = directory;
        this.log = new WildFlyServerLog(directory.resolve("log").resolve("server.log"));
    }

    /**
     * Picks a free port offset and empties the run directory named by the system property
     * {@code wildfly.run.dir}; this run becomes {@link #current()}.
     */
    public static synchronized WildFlyRun prepare() {
        String dir = System.getProperty("wildfly.run.dir");
        if (dir == null) {
            throw new IllegalStateException("failsafe passes the run directory as the system property wildfly.run.dir");
        }
        Path directory = Path.of(dir).toAbsolutePath();
        emptyDirectory(directory);
        current = new WildFlyRun(FreePortOffset.find(), directory);
        return current;
    }

    /** The run Arquillian was configured with. */
    public static WildFlyRun current() {
        WildFlyRun run = current;
        if (run == null) {
            throw new IllegalStateException("Arquillian has not configured a WildFly run (is arquillian.xml on the class path?)");
        }
        return run;
    }

    /** The value of {@code jboss.socket.binding.port-offset}. */
    public int portOffset() {
        return portOffset;
    }

    /** The directory of the run's {@code log}, {@code data} and {@code tmp}. */
    public Path directory() {
        return directory;
    }

    /** The port of the management interface. */
    public int managementPort() {
        return FreePortOffset.MANAGEMENT_HTTP + portOffset;
    }

    /** The server's {@code log/server.log}, where {@code ServletContext.log} and JUL records land. */
    public WildFlyServerLog log() {
        return log;
    }

    private static void emptyDirectory(Path directory) {
        try {
            if (Files.exists(directory)) {
                try (Stream<Path> tree = Files.walk(directory)) {
                    for (Path path : (Iterable<Path>) tree.sorted(Comparator.reverseOrder())::iterator) {
                        Files.delete(path);
                    }
                }
            }
            for (String sub : new String[] {"log", "data", "tmp"}) {
                Files.createDirectories(directory.resolve(sub));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty the WildFly run directory " + directory, e);
        }
    }
}
