package dev.wsgiservlet;

import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code SCRIPT_NAME} and {@code PATH_INFO} of a request, as PEP 3333 wants them: split at the
 * servlet's mount point, percent-decoded to bytes and carried as ISO-8859-1 chars.
 *
 * <p>They are taken from the raw request URI because the container's {@code getPathInfo()} is
 * already decoded with the container's charset (UTF-8, losing invalid bytes). The raw path is
 * normalised the way the container did it for mapping (path parameters such as
 * {@code ;jsessionid=} dropped, dot segments resolved, repeated slashes merged) so that the
 * application sees the path the container routed.
 */
record RequestPath(String scriptName, String pathInfo) {

    /** Means: every segment belongs to the mount point (exact and extension mappings). */
    static final int WHOLE_PATH = -1;

    static RequestPath of(HttpServletRequest request) {
        return split(request.getRequestURI(), mountSegments(request));
    }

    /** How many leading path segments are the mount point (context path plus servlet path). */
    static int mountSegments(HttpServletRequest request) {
        // getContextPath() is the raw spelling, which may be "/x/../ctx": count the segments of
        // its normalised form, the one the container matched. The root context ("") has none.
        String contextPath = request.getContextPath();
        int context = contextPath.isEmpty() ? 0
                : countSlashes(isPlain(contextPath) ? contextPath : split(contextPath, WHOLE_PATH).scriptName());
        HttpServletMapping mapping = request.getHttpServletMapping();
        MappingMatch match = mapping == null ? null : mapping.getMappingMatch();
        if (match == null) {
            return context + countSlashes(request.getServletPath());
        }
        switch (match) {
            case EXACT:
            case EXTENSION:
                return WHOLE_PATH;
            case DEFAULT:
            case CONTEXT_ROOT:
                return context;
            default:
                return context + countSlashes(pathMappingPrefix(request, mapping));
        }
    }

    /**
     * The servlet path of a {@code /prefix/*} mapping, read from its pattern: Jetty 12 refuses
     * {@code getServletPath()} (IllegalArgumentException) for a URI that its UriCompliance was
     * set to accept but that is ambiguous once decoded ({@code //}, {@code %2F}, {@code %25}).
     */
    private static String pathMappingPrefix(HttpServletRequest request, HttpServletMapping mapping) {
        String pattern = mapping.getPattern();
        if (pattern != null && pattern.endsWith("/*")) {
            return pattern.substring(0, pattern.length() - 2);
        }
        return request.getServletPath();
    }

    /**
     * Splits a raw (still percent-encoded) request path after its first {@code mountSegments}
     * segments, or keeps it all in {@code SCRIPT_NAME} for {@link #WHOLE_PATH}.
     */
    static RequestPath split(String rawPath, int mountSegments) {
        if (isPlain(rawPath)) {
            return splitPlain(rawPath, mountSegments);
        }
        List<String> segments = new ArrayList<>();
        boolean trailingSlash = false;
        int start = rawPath.startsWith("/") ? 1 : 0;
        while (start <= rawPath.length()) {
            int slash = rawPath.indexOf('/', start);
            boolean last = slash < 0;
            int end = last ? rawPath.length() : slash;
            int semicolon = rawPath.indexOf(';', start);
            int segmentEnd = semicolon >= 0 && semicolon < end ? semicolon : end;
            String segment = PercentEncoding.decode(rawPath, start, segmentEnd);
            if (segment.isEmpty() || segment.equals(".")) {
                trailingSlash = last;
            } else if (segment.equals("..")) {
                if (!segments.isEmpty()) {
                    segments.remove(segments.size() - 1);
                }
                trailingSlash = last;
            } else {
                segments.add(segment);
                trailingSlash = false;
            }
            if (last) {
                break;
            }
            start = slash + 1;
        }
        int mount = mountSegments == WHOLE_PATH ? segments.size() : Math.min(mountSegments, segments.size());
        String script = join(segments, 0, mount, false);
        String path = join(segments, mount, segments.size(), trailingSlash);
        return new RequestPath(script, path);
    }

    /**
     * Whether a raw request path holds an encoded slash ({@code %2F}). PATH_INFO is decoded, so
     * {@code a%2Fb} and {@code a/b} would reach the application as the same path, although the
     * container routed them differently; such a request is refused.
     */
    static boolean hasEncodedSlash(String rawPath) {
        for (int i = rawPath.indexOf('%'); i >= 0 && i + 2 < rawPath.length(); i = rawPath.indexOf('%', i + 1)) {
            char high = rawPath.charAt(i + 1);
            char low = rawPath.charAt(i + 2);
            if (high == '2' && (low == 'F' || low == 'f')) {
                return true;
            }
        }
        return false;
    }

    /** No escapes, path parameters, dot segments or empty segments: the raw path is already final. */
    private static boolean isPlain(String rawPath) {
        if (rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return false;
        }
        char previous = 0;
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%' || c == ';' || (c == '/' && previous == '/') || (c == '.' && previous == '/')) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    private static RequestPath splitPlain(String rawPath, int mountSegments) {
        if (mountSegments == WHOLE_PATH) {
            return rawPath.endsWith("/")
                    ? new RequestPath(rawPath.substring(0, rawPath.length() - 1), "/")
                    : new RequestPath(rawPath, "");
        }
        int cut = 0;
        for (int i = 0; i < mountSegments; i++) {
            int next = rawPath.indexOf('/', cut + 1);
            if (next < 0) {
                // A trailing slash after the mount point stays in PATH_INFO, as in the general case.
                if (cut + 1 < rawPath.length()) {
                    cut = rawPath.length();
                }
                break;
            }
            cut = next;
        }
        return new RequestPath(rawPath.substring(0, cut), rawPath.substring(cut));
    }

    private static String join(List<String> segments, int from, int to, boolean trailingSlash) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            out.append('/').append(segments.get(i));
        }
        if (trailingSlash) {
            out.append('/');
        }
        return out.toString();
    }

    private static int countSlashes(String path) {
        int n = 0;
        if (path != null) {
            for (int i = 0; i < path.length(); i++) {
                if (path.charAt(i) == '/') {
                    n++;
                }
            }
        }
        return n;
    }
}
