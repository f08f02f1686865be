package dev.wsgiservlet.python;

import dev.wsgiservlet.spi.Deployment;
import dev.wsgiservlet.spi.InvalidParameterException;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code python.*} parameters of a deployment (init-param, else context-param), checked
 * once at start-up. GraalPy's own options ({@code python.IsolateNativeModules} and the like) are
 * read by {@link GraalPyOptions}.
 */
final class PythonSettings {

    static final String PATH = "python.path";
    static final String CONTEXTS = "python.contexts";
    static final String ACQUIRE_TIMEOUT = "python.acquire-timeout";
    static final String RETRY_AFTER = "python.retry-after";
    static final String STARTUP_TIMEOUT = "python.startup-timeout";

    static final String DEFAULT_PATH = "/WEB-INF/python";
    static final Duration DEFAULT_ACQUIRE_TIMEOUT = Duration.ofSeconds(20);
    static final int DEFAULT_RETRY_AFTER = 5;
    static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofMinutes(5);
    static final int MAX_CONTEXTS = 256;

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m)?");

    /** The directories and archives to import from, absolute, in order. */
    final List<String> path;
    final int contexts;
    final Duration acquireTimeout;
    final int retryAfterSeconds;
    final Duration startupTimeout;

    PythonSettings(List<String> path, int contexts, Duration acquireTimeout, int retryAfterSeconds,
            Duration startupTimeout) {
        this.path = List.copyOf(path);
        this.contexts = contexts;
        this.acquireTimeout = acquireTimeout;
        this.retryAfterSeconds = retryAfterSeconds;
        this.startupTimeout = startupTimeout;
    }

    /** The default pool size: one context per processor, at most four (each costs 100-200 MB of heap). */
    static int defaultContexts() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    static PythonSettings read(Deployment deployment) throws InvalidParameterException {
        return new PythonSettings(
                path(deployment),
                count(deployment, CONTEXTS, defaultContexts(), 1, MAX_CONTEXTS),
                duration(deployment, ACQUIRE_TIMEOUT, DEFAULT_ACQUIRE_TIMEOUT),
                count(deployment, RETRY_AFTER, DEFAULT_RETRY_AFTER, 0, Integer.MAX_VALUE),
                positive(deployment, STARTUP_TIMEOUT, duration(deployment, STARTUP_TIMEOUT, DEFAULT_STARTUP_TIMEOUT)));
    }

    /**
     * Resolves {@code python.path}: entries separated by ':' or ','; {@code /WEB-INF/...} inside the
     * web application, any other absolute path as it is. Each must exist.
     */
    static List<String> path(Deployment deployment) throws InvalidParameterException {
        String value = deployment.parameter(PATH);
        String given = value == null ? DEFAULT_PATH : value;
        List<String> entries = new ArrayList<>();
        for (String raw : given.split("[:,]")) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            entries.add(resolve(deployment, given, entry, value == null));
        }
        if (entries.isEmpty()) {
            throw new InvalidParameterException(PATH, given, "no entries; name directories such as /WEB-INF/python");
        }
        return entries;
    }

    private static String resolve(Deployment deployment, String given, String entry, boolean isDefault)
            throws InvalidParameterException {
        String note = isDefault ? " (the default; set python.path to where the modules are)" : "";
        File file;
        if (entry.equals("/WEB-INF") || entry.startsWith("/WEB-INF/")) {
            String real = deployment.servletContext().getRealPath(entry);
            if (real == null) {
                throw new InvalidParameterException(PATH, given, entry + " has no place on disk: the WAR is not"
                        + " unpacked (unpack it, for example Tomcat's unpackWARs=\"true\", or give an absolute path)"
                        + note);
            }
            file = new File(real);
        } else {
            file = new File(entry);
            if (!file.isAbsolute()) {
                throw new InvalidParameterException(PATH, given, entry + " is neither /WEB-INF/... nor an absolute path");
            }
        }
        if (!file.exists()) {
            throw new InvalidParameterException(PATH, given, entry + " does not exist"
                    + (file.getPath().equals(entry) ? "" : " (" + file + ")") + note);
        }
        return file.getAbsolutePath();
    }

    private static int count(Deployment deployment, String name, int fallback, int min, int max)
            throws InvalidParameterException {
        String value = deployment.parameter(name);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidParameterException(name, value, "expected a whole number from " + min
                + (max == Integer.MAX_VALUE ? " up" : " to " + max));
    }

    /** A duration: a whole number of seconds, or with a unit: {@code 500ms}, {@code 20s}, {@code 2m}. */
    static Duration duration(Deployment deployment, String name, Duration fallback) throws InvalidParameterException {
        String value = deployment.parameter(name);
        if (value == null) {
            return fallback;
        }
        Matcher m = DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidParameterException(name, value, "expected a duration such as 20 (seconds), 20s, 500ms or 2m");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        switch (unit) {
            case "ms":
                return Duration.ofMillis(n);
            case "m":
                return Duration.ofMinutes(n);
            default:
                return Duration.ofSeconds(n);
        }
    }

    private static Duration positive(Deployment deployment, String name, Duration d) throws InvalidParameterException {
        if (d.isZero()) {
            throw new InvalidParameterException(name, deployment.parameter(name), "must be more than zero");
        }
        return d;
    }
}
