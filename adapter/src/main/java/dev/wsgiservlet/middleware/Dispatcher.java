package dev.wsgiservlet.middleware;

import dev.wsgiservlet.Header;
import dev.wsgiservlet.StartResponse;
import dev.wsgiservlet.WsgiApplication;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Mounts applications under path prefixes, as werkzeug's {@code DispatcherMiddleware} does.
 *
 * <p>A request goes to the application with the longest prefix that matches {@code PATH_INFO} on a
 * segment boundary ({@code /api} takes {@code /api} and {@code /api/x}, never {@code /apix}); the
 * prefix moves from the start of {@code PATH_INFO} to the end of {@code SCRIPT_NAME}, in the
 * environ itself. Requests that match no prefix go to the fallback, unchanged.
 *
 * <p>Prefixes are written as decoded paths ({@code "/café"}, not {@code "/caf%C3%A9"}); they are
 * matched against the UTF-8 bytes of the request path.
 */
public final class Dispatcher implements WsgiApplication {

    private static final byte[] NOT_FOUND = "Not Found\n".getBytes(StandardCharsets.US_ASCII);
    private static final List<Header> NOT_FOUND_HEADERS = List.of(
            new Header("Content-Type", "text/plain; charset=utf-8"),
            new Header("Content-Length", Integer.toString(NOT_FOUND.length)));

    private final WsgiApplication fallback;
    /** Native strings (UTF-8 bytes as ISO-8859-1, like PATH_INFO), longest first. */
    private final String[] prefixes;
    private final WsgiApplication[] apps;

    /**
     * @param fallback answers requests that match no prefix
     * @param mounts prefix to application; a prefix starts with {@code /} and does not end with it
     * @throws IllegalArgumentException for a malformed prefix, or a null application
     */
    public Dispatcher(WsgiApplication fallback, Map<String, WsgiApplication> mounts) {
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        Objects.requireNonNull(mounts, "mounts");
        List<Map.Entry<String, WsgiApplication>> sorted = new ArrayList<>(mounts.size());
        for (Map.Entry<String, WsgiApplication> mount : mounts.entrySet()) {
            String prefix = toNative(mount.getKey());
            if (mount.getValue() == null) {
                throw new IllegalArgumentException("mount prefix '" + mount.getKey() + "' has a null application");
            }
            sorted.add(Map.entry(prefix, mount.getValue()));
        }
        sorted.sort(Comparator.comparingInt((Map.Entry<String, WsgiApplication> e) -> e.getKey().length())
                .reversed().thenComparing(Map.Entry::getKey));
        prefixes = sorted.stream().map(Map.Entry::getKey).toArray(String[]::new);
        apps = sorted.stream().map(Map.Entry::getValue).toArray(WsgiApplication[]::new);
    }

    /** A dispatcher whose fallback answers {@code 404 Not Found} in plain text. */
    public static Dispatcher of(Map<String, WsgiApplication> mounts) {
        return new Dispatcher(Dispatcher::notFound, mounts);
    }

    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
        Object pathInfo = environ.get("PATH_INFO");
        String path = pathInfo instanceof String s ? s : "";
        for (int i = 0; i < prefixes.length; i++) {
            String prefix = prefixes[i];
            if (path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
                Object scriptName = environ.get("SCRIPT_NAME");
                environ.put("SCRIPT_NAME", (scriptName instanceof String s ? s : "") + prefix);
                environ.put("PATH_INFO", path.substring(prefix.length()));
                return apps[i].call(environ, startResponse);
            }
        }
        return fallback.call(environ, startResponse);
    }

    private static Iterable<byte[]> notFound(Map<String, Object> environ, StartResponse startResponse) throws Exception {
        startResponse.call("404 Not Found", NOT_FOUND_HEADERS);
        return List.of(NOT_FOUND.clone());
    }

    /** Checks a prefix and turns it into the form PATH_INFO has: its UTF-8 bytes read as ISO-8859-1. */
    private static String toNative(String prefix) {
        if (prefix == null) {
            throw new IllegalArgumentException("mount prefix is null");
        }
        if (!prefix.startsWith("/") || prefix.endsWith("/")) {
            throw new IllegalArgumentException("mount prefix '" + prefix
                    + "' must start with '/' and not end with '/' (mount the root as the fallback)");
        }
        // A lone surrogate would encode as '?', and match a literal '?' in the path.
        if (!StandardCharsets.UTF_8.newEncoder().canEncode(prefix)) {
            throw new IllegalArgumentException("mount prefix '" + prefix + "' is not valid Unicode");
        }
        return new String(prefix.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
