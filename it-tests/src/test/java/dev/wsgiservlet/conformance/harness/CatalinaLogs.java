package dev.wsgiservlet.conformance.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The log files of a Tomcat distribution with its shipped {@code conf/logging.properties}:
 * {@code logs/localhost.<date>.log}, where {@code ServletContext.log} (and so {@code wsgi.errors})
 * goes, then {@code logs/catalina.out}, which has everything else: the JULI root logger's console
 * output (the same records as {@code catalina.<date>.log}) and the JVM's stdout and stderr. The
 * access log is left out: it records requests, not what the server logged.
 */
public final class CatalinaLogs implements ServerLog {

    private final Path logs;
    private String startup = "";

    CatalinaLogs(Path base) {
        this.logs = base.resolve("logs");
    }

    /** Marks the end of start-up: what is logged now is {@link #startupText()}. */
    synchronized void startupDone() {
        startup = text();
    }

    @Override
    public String text() {
        StringBuilder text = new StringBuilder();
        for (Path file : files("localhost.")) {
            text.append(read(file));
        }
        return text.append(read(logs.resolve("catalina.out"))).toString();
    }

    @Override
    public synchronized String startupText() {
        return startup;
    }

    /** The JULI file log of the root logger ({@code catalina.<date>.log}), written asynchronously. */
    String catalinaLog() {
        StringBuilder text = new StringBuilder();
        for (Path file : files("catalina.")) {
            text.append(read(file));
        }
        return text.toString();
    }

    /** The access log ({@code localhost_access_log.<date>.txt} of the shipped AccessLogValve). */
    public String accessLog() {
        StringBuilder text = new StringBuilder();
        for (Path file : files("localhost_access_log.", ".txt")) {
            text.append(read(file));
        }
        return text.toString();
    }

    /** The last lines of {@code catalina.out}, to show why a start failed. */
    String tail(int lines) {
        List<String> all = read(logs.resolve("catalina.out")).lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** The daily files {@code <prefix><date>.log}, oldest first (a run may pass midnight). */
    private List<Path> files(String prefix) {
        return files(prefix, ".log");
    }

    private List<Path> files(String prefix, String suffix) {
        try (Stream<Path> all = Files.list(logs)) {
            return all.filter(p -> p.getFileName().toString().startsWith(prefix)
                            && p.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
