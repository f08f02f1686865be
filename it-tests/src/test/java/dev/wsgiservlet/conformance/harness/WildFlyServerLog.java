package dev.wsgiservlet.conformance.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WildFly's {@code server.log}, where {@code ServletContext.log} and {@code java.util.logging}
 * records end up, as text in the shape the suite reads: {@code LEVEL category: message} per
 * record, with the JUL level names (WildFly's WARN is WARNING, ERROR and FATAL are SEVERE), and
 * the lines of a stack trace as they are.
 *
 * <p>{@link #startupText()} is what was logged while the test class's WARs were deployed. The
 * server's own boot before that is left out: the stock {@code standalone.xml} warns at every fresh boot about
 * itself (WFLYTX0013, the transactions node-identifier; WFLYELY00023 and WFLYELY01084, the
 * application keystore that is generated on first use), whatever is deployed.
 */
public final class WildFlyServerLog implements ServerLog {

    /** The default {@code PATTERN} formatter: {@code %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p [%c] (%t) %s%e%n}. */
    private static final Pattern RECORD = Pattern.compile(
            "^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} (TRACE|DEBUG|INFO|WARN|ERROR|FATAL) +\\[([^\\]]*)\\] \\(.*?\\) (.*)$");
    private static final Map<String, String> JUL_LEVELS = Map.of(
            "TRACE", "FINEST", "DEBUG", "FINE", "INFO", "INFO", "WARN", "WARNING", "ERROR", "SEVERE", "FATAL", "SEVERE");

    private final Path file;
    private volatile int deploymentsStart = -1;
    private volatile int startupEnd = -1;

    public WildFlyServerLog(Path file) {
        this.file = file;
    }

    /** Marks where the current test class's deployments begin. */
    public void deploymentsBegin() {
        deploymentsStart = read().length;
        startupEnd = -1;
    }

    /** Marks the end of start-up: the WARs are deployed. */
    public void startupDone() {
        startupEnd = read().length;
    }

    @Override
    public String text() {
        byte[] bytes = read();
        return render(bytes, 0, bytes.length);
    }

    @Override
    public String startupText() {
        if (deploymentsStart < 0 || startupEnd < 0) {
            throw new IllegalStateException("the deployments were not marked in the log");
        }
        String text = render(read(), deploymentsStart, startupEnd);
        if (!text.contains("WFLYSRV0010")) {
            // Without WildFly's "Deployed" records the window missed the deployments it stands for.
            throw new IllegalStateException("the start-up text holds no deployment:\n" + text);
        }
        return text;
    }

    private byte[] read() {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String render(byte[] bytes, int from, int to) {
        String raw = new String(bytes, from, Math.min(to, bytes.length) - from, StandardCharsets.UTF_8);
        StringBuilder text = new StringBuilder(raw.length());
        raw.lines().forEach(line -> {
            Matcher record = RECORD.matcher(line);
            if (record.matches()) {
                text.append(JUL_LEVELS.get(record.group(1))).append(' ').append(record.group(2)).append(": ")
                        .append(record.group(3));
            } else {
                text.append(line);
            }
            text.append('\n');
        });
        return text.toString();
    }
}
