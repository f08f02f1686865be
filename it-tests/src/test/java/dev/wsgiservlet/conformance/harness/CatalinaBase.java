package dev.wsgiservlet.conformance.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A fresh {@code CATALINA_BASE} for one run of the Tomcat distribution: {@code conf/} copied from
 * the unpacked distribution ({@code CATALINA_HOME}, which stays pristine), empty {@code logs/},
 * {@code temp/}, {@code work/} and a {@code webapps/} that holds only the WARs deployed here.
 * Failsafe passes both folders as system properties; the base of the last run stays for reading.
 */
public final class CatalinaBase {

    private final Path home;
    private final Path path;

    private CatalinaBase(Path home, Path path) {
        this.home = home;
        this.path = path;
    }

    /** The unpacked distribution that failsafe names in {@code tomcat.dist.home}. */
    private static Path distribution() {
        String home = System.getProperty("tomcat.dist.home");
        if (home == null || !Files.isRegularFile(Path.of(home, "bin/catalina.sh"))) {
            throw new IllegalStateException("no Tomcat distribution at tomcat.dist.home=" + home
                    + "; failsafe sets it after the pre-integration-test phase unpacked it");
        }
        return Path.of(home).toAbsolutePath();
    }

    /**
     * Creates {@code <tomcat.dist.bases>/<label>} afresh. A Tomcat left running there by an earlier
     * test JVM that died before it could stop it is killed first.
     */
    public static CatalinaBase fresh(String label) throws IOException {
        Path home = distribution();
        Path path = Path.of(System.getProperty("tomcat.dist.bases", "target/catalina-bases"), label).toAbsolutePath();
        if (Files.exists(path)) {
            killLeftOver(path);
            deleteRecursively(path);
        }
        for (String dir : List.of("conf", "logs", "temp", "webapps", "work")) {
            Files.createDirectories(path.resolve(dir));
        }
        try (Stream<Path> conf = Files.list(home.resolve("conf"))) {
            for (Path file : (Iterable<Path>) conf.filter(Files::isRegularFile)::iterator) {
                Files.copy(file, path.resolve("conf").resolve(file.getFileName()));
            }
        }
        return new CatalinaBase(home, path);
    }

    /** {@code CATALINA_HOME}. */
    public Path home() {
        return home;
    }

    /** {@code CATALINA_BASE}. */
    public Path path() {
        return path;
    }

    /** The file that {@code catalina.sh} writes the server's process id to ({@code CATALINA_PID}). */
    public Path pidFile() {
        return path.resolve("catalina.pid");
    }

    /** Writes {@code conf/server.xml}. */
    public CatalinaBase serverXml(ServerXml serverXml) throws IOException {
        Files.writeString(path.resolve("conf/server.xml"), serverXml.text(), StandardCharsets.UTF_8);
        return this;
    }

    /** Copies a WAR file into {@code webapps/} as {@code <contextName>.war}: deployed at {@code /<contextName>}. */
    public CatalinaBase war(Path war, String contextName) throws IOException {
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException("no WAR file at " + war + "; run the build through 'package' first");
        }
        Files.copy(war, path.resolve("webapps").resolve(contextName + ".war"), StandardCopyOption.COPY_ATTRIBUTES);
        return this;
    }

    private static void killLeftOver(Path base) throws IOException {
        Path pidFile = base.resolve("catalina.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        String pid = Files.readString(pidFile).trim();
        if (!pid.matches("\\d+")) {
            return;
        }
        // Only a JVM started on this very base: a recycled process id belongs to someone else.
        ProcessHandle.of(Long.parseLong(pid))
                .filter(p -> p.info().commandLine().orElse("").contains("-Dcatalina.base=" + base + " "))
                .ifPresent(p -> {
                    p.destroyForcibly();
                    try {
                        p.onExit().get(30, TimeUnit.SECONDS);
                    } catch (InterruptedException | ExecutionException | TimeoutException e) {
                        throw new IllegalStateException("a Tomcat left running on " + base + " (pid " + pid
                                + ") did not end when killed", e);
                    }
                });
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
