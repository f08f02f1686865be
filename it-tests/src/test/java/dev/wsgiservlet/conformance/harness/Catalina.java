package dev.wsgiservlet.conformance.harness;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Tomcat distribution running on a {@link CatalinaBase}, started with {@code bin/catalina.sh start}
 * and stopped with {@code bin/catalina.sh stop 20 -force}, as an administrator does. The JVM is
 * the one running the tests ({@code java.home}). A shutdown hook stops the server if the test JVM
 * ends without {@link #stop()}.
 */
public final class Catalina {

    /** A cold JVM deploying WARs on a busy machine: generous, but bounded. */
    private static final Duration START_BOUND = Duration.ofSeconds(120);
    private static final Duration SCRIPT_BOUND = Duration.ofSeconds(60);
    private static final String STARTED = "org.apache.catalina.startup.Catalina.start Server startup in";

    private final CatalinaBase base;
    private final CatalinaLogs logs;
    private final long pid;
    private final Thread shutdownHook;
    private boolean stopped;

    private Catalina(CatalinaBase base, CatalinaLogs logs, long pid) {
        this.base = base;
        this.logs = logs;
        this.pid = pid;
        this.shutdownHook = new Thread(this::stopQuietly, "stop Tomcat " + pid);
    }

    /**
     * Starts Tomcat and waits until each of {@code ready} answers 200 and the server has logged the
     * end of its start-up. On any failure the server is stopped before the exception leaves.
     */
    public static Catalina start(CatalinaBase base, List<URI> ready) throws IOException, InterruptedException {
        Files.deleteIfExists(base.pidFile());
        script(base, "start");
        Catalina catalina = new Catalina(base, new CatalinaLogs(base.path()), readPid(base));
        Runtime.getRuntime().addShutdownHook(catalina.shutdownHook);
        try {
            catalina.awaitStarted(ready);
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            catalina.stopQuietly();
            throw e;
        }
        return catalina;
    }

    /** The server's files. */
    public CatalinaBase base() {
        return base;
    }

    /** The server's log files. */
    public CatalinaLogs logs() {
        return logs;
    }

    /** The server JVM's process id. */
    public long pid() {
        return pid;
    }

    /**
     * Stops the server and checks that its JVM is gone; safe to call more than once.
     *
     * @throws IllegalStateException when the JVM had to be killed after {@code catalina.sh stop}
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: this is the hook running
        }
        ProcessHandle process = ProcessHandle.of(pid).orElse(null);
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            script(base, "stop", "20", "-force");
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw new IllegalStateException("catalina.sh stop failed; Tomcat (pid " + pid + ") was killed", e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return;
        }
        if (!awaitExit(process, Duration.ofSeconds(10))) {
            process.destroyForcibly();
            awaitExit(process, Duration.ofSeconds(10));
            throw new IllegalStateException("Tomcat (pid " + pid + ") still ran after catalina.sh stop 20 -force; killed");
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException e) {
            System.err.println("stopping Tomcat: " + e);
        }
    }

    private void awaitStarted(List<URI> ready) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_BOUND.toNanos();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        List<URI> waiting = new ArrayList<>(ready);
        while (!waiting.isEmpty() || !logs.catalinaLog().contains(STARTED)) {
            if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                throw new IllegalStateException("Tomcat (pid " + pid + ") ended during start-up:\n" + logs.tail(40));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Tomcat did not start within " + START_BOUND + "; still waiting for "
                        + waiting + "\n" + logs.tail(40));
            }
            waiting.removeIf(uri -> answers200(client, uri));
            Thread.sleep(100);
        }
        // The localhost log and catalina.<date>.log share JULI's one asynchronous writer: once the
        // last start-up line is in the file, so is everything logged before it.
        logs.startupDone();
    }

    private static boolean answers200(HttpClient client, URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static long readPid(CatalinaBase base) throws IOException {
        String pid = Files.readString(base.pidFile()).trim();
        if (!pid.matches("\\d+")) {
            throw new IllegalStateException("catalina.sh wrote no process id to " + base.pidFile() + ": '" + pid + "'");
        }
        return Long.parseLong(pid);
    }

    /** Runs {@code sh bin/catalina.sh args...} with this base's environment, bounded. */
    private static void script(CatalinaBase base, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", base.home().resolve("bin/catalina.sh").toString()));
        command.addAll(List.of(args));
        Path output = base.path().resolve("logs/catalina-sh.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(base.path().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        Map<String, String> env = builder.environment();
        // Only what this run sets: a developer's CATALINA_OPTS or JRE_HOME must not change the server.
        for (String inherited : List.of("CATALINA_OPTS", "JAVA_OPTS", "JRE_HOME", "CATALINA_OUT", "CATALINA_TMPDIR",
                "LOGGING_CONFIG", "LOGGING_MANAGER", "CLASSPATH", "JPDA_OPTS")) {
            env.remove(inherited);
        }
        env.put("CATALINA_HOME", base.home().toString());
        env.put("CATALINA_BASE", base.path().toString());
        env.put("CATALINA_PID", base.pidFile().toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        if (!process.waitFor(SCRIPT_BOUND.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("catalina.sh " + String.join(" ", args) + " did not return within " + SCRIPT_BOUND);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("catalina.sh " + String.join(" ", args) + " exited with " + process.exitValue()
                    + ":\n" + Files.readString(output));
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration bound) {
        try {
            process.onExit().get(bound.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
