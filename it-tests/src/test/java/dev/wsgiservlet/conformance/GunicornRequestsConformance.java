package dev.wsgiservlet.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsgiservlet.conformance.harness.GunicornRequest;
import dev.wsgiservlet.conformance.harness.Json;
import dev.wsgiservlet.conformance.harness.RawConnection;
import dev.wsgiservlet.conformance.harness.RawResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * gunicorn's valid request fixtures replayed byte for byte against the request-echo fixture: the
 * method, protocol, SCRIPT_NAME/PATH_INFO, query, headers and body the application sees must be
 * what gunicorn parses. The request target is moved under the fixture's mount point.
 *
 * <p>A container that parses some of them differently lists them in
 * {@link #gunicornRequestsParsedDifferently()} with exactly what it does instead; the replay then
 * asserts that, so the list stays true. Fixtures that need a non-default gunicorn setting (a
 * {@code cfg} in their {@code .py}: proxy protocol, permissive methods, obsolete folding, the
 * {@code dangerous} header map) describe gunicorn options rather than HTTP and are not replayed.
 */
public interface GunicornRequestsConformance extends ConformanceTest {

    /** Fixture name to what this container yields instead of gunicorn's result (see {@link #replay}). */
    Map<String, String> gunicornRequestsParsedDifferently();

    @TestFactory
    default Stream<DynamicTest> gunicornValidRequests() {
        Map<String, String> differences = gunicornRequestsParsedDifferently();
        return defaultConfigRequests().flatMap(request -> {
            Stream<DynamicTest> asIs = Stream.of(replayTest(request.name(), request, false, differences));
            // Most old fixtures are HTTP/1.1 without Host, which RFC 9112 makes a 400: replayed
            // once more with a Host header, they still test what they were written for.
            return lacksHost(request)
                    ? Stream.concat(asIs, Stream.of(replayTest(request.name() + "+host", request, true, differences)))
                    : asIs;
        });
    }

    @Test
    default void listedDifferencesNameReplayedFixtures() {
        List<String> replayed = new ArrayList<>();
        defaultConfigRequests().forEach(request -> {
            replayed.add(request.name());
            if (lacksHost(request)) {
                replayed.add(request.name() + "+host");
            }
        });
        List<String> unknown = new ArrayList<>(gunicornRequestsParsedDifferently().keySet());
        unknown.removeAll(replayed);
        assertTrue(unknown.isEmpty(), () -> "unknown names in the list: " + unknown);
    }

    private DynamicTest replayTest(String name, GunicornRequest request, boolean addHost, Map<String, String> differences) {
        return DynamicTest.dynamicTest(name, () -> {
            String observed = replay(request, addHost);
            String listed = differences.get(name);
            if (listed == null) {
                assertEquals("", observed, () -> name + " is parsed differently from gunicorn");
            } else {
                assertEquals(listed, observed, () -> name + " is listed as parsed differently, as:");
            }
        });
    }

    private static Stream<GunicornRequest> defaultConfigRequests() {
        return GunicornRequest.names().stream().map(GunicornRequest::load).filter(r -> !r.nonDefaultConfig());
    }

    private static boolean lacksHost(GunicornRequest request) {
        return request.expected().stream().anyMatch(GunicornRequestsConformance::lacksHost);
    }

    private static boolean lacksHost(GunicornRequest.Expected expected) {
        return expected.version().equals("HTTP/1.1")
                && expected.headers().stream().noneMatch(h -> h.getKey().equalsIgnoreCase("HOST"));
    }

    /**
     * Sends the fixture's bytes and compares each answer with gunicorn's expectation. Returns
     * {@code ""} when all match; otherwise, for the first request that does not,
     * {@code "request N: "} and either its differences or {@code "status NNN"}.
     */
    private String replay(GunicornRequest request, boolean addHost) throws IOException {
        String mount = app().target("/request-echo");
        String raw = new String(request.raw(), StandardCharsets.ISO_8859_1);
        List<GunicornRequest.Expected> expectations = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < request.expected().size(); i++) {
            String shortBody = shortBody(request.expected().get(i));
            if (shortBody != null) {
                // Not sent: a real server would wait for the rest, and how it ends (timeout,
                // half-close) would be a race, not a finding about parsing.
                return "request " + (i + 1) + ": " + shortBody;
            }
        }
        for (GunicornRequest.Expected expected : request.expected()) {
            String line = expected.method() + " " + expected.uri() + " ";
            int at = raw.indexOf(line, from);
            assertTrue(at >= 0, () -> "no request line '" + line + "' in " + request.name());
            String moved = expected.method() + " " + mounted(expected.uri(), mount) + " ";
            raw = raw.substring(0, at) + moved + raw.substring(at + line.length());
            from = raw.indexOf("\r\n", at) + 2;
            if (addHost && lacksHost(expected)) {
                raw = raw.substring(0, from) + "Host: example.org\r\n" + raw.substring(from);
                List<Map.Entry<String, String>> headers = new ArrayList<>(expected.headers());
                headers.add(Map.entry("HOST", "example.org"));
                expected = new GunicornRequest.Expected(expected.method(), expected.uri(), expected.version(),
                        headers, expected.body());
            }
            expectations.add(expected);
        }
        try (RawConnection connection = RawConnection.open(app())) {
            connection.send(raw);
            // Nothing more will come: a request cut short by the fixture ends here, not in a timeout.
            connection.finishSending();
            for (int i = 0; i < expectations.size(); i++) {
                String which = "request " + (i + 1) + ": ";
                RawResponse response;
                try {
                    response = connection.readResponse();
                } catch (IOException e) {
                    return which + "no response (" + e.getMessage() + ")";
                }
                if (response.status() != 200 || !response.text().startsWith("{")) {
                    return which + "status " + response.status()
                            + (response.status() == 200 ? " from the container, not the application" : "");
                }
                String differences = compare(expectations.get(i), response.text(), mount);
                if (!differences.isEmpty()) {
                    return which + differences;
                }
            }
        }
        return "";
    }

    /** What is wrong when a fixture's body is shorter than its own Content-Length; otherwise {@code null}. */
    private static String shortBody(GunicornRequest.Expected expected) {
        return expected.headers().stream()
                .filter(h -> h.getKey().equalsIgnoreCase("CONTENT-LENGTH") && h.getValue().matches("[0-9]+"))
                .map(h -> Long.parseLong(h.getValue()))
                .filter(declared -> expected.body().length() < declared)
                .findFirst()
                .map(declared -> "the fixture's body has " + expected.body().length() + " of the " + declared
                        + " bytes its Content-Length declares")
                .orElse(null);
    }

    /** The request target moved under {@code mount}; an asterisk or authority form is left as it is. */
    private static String mounted(String uri, String mount) {
        if (uri.startsWith("/")) {
            return mount + uri;
        }
        int scheme = uri.indexOf("://");
        if (scheme > 0) {
            int path = uri.indexOf('/', scheme + 3);
            return path < 0 ? uri + mount : uri.substring(0, path) + mount + uri.substring(path);
        }
        return uri;
    }

    @SuppressWarnings("unchecked")
    private static String compare(GunicornRequest.Expected expected, String answer, String mount) {
        Map<String, Object> echoed = (Map<String, Object>) Json.parse(answer);
        Map<String, Object> environ = (Map<String, Object>) echoed.get("environ");
        String target = expected.uri();
        int scheme = target.indexOf("://");
        if (scheme > 0) {
            int slash = target.indexOf('/', scheme + 3);
            target = slash < 0 ? "" : target.substring(slash);
        }
        int fragment = target.indexOf('#');
        if (fragment >= 0) {
            target = target.substring(0, fragment);
        }
        int question = target.indexOf('?');
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put("REQUEST_METHOD", expected.method());
        wanted.put("SERVER_PROTOCOL", expected.version());
        wanted.put("SCRIPT_NAME", mount);
        wanted.put("PATH_INFO", percentDecode(question < 0 ? target : target.substring(0, question)));
        wanted.put("QUERY_STRING", question < 0 ? "" : target.substring(question + 1));
        wanted.putAll(cgiHeaders(expected.headers()));

        List<String> differences = new ArrayList<>();
        Map<String, String> seenHeaders = new TreeMap<>();
        environ.forEach((key, value) -> {
            if (key.startsWith("HTTP_") || key.startsWith("CONTENT_")) {
                seenHeaders.put(key, (String) value);
            }
        });
        wanted.forEach((key, value) -> {
            if (!value.equals(environ.get(key))) {
                differences.add(key + ": gunicorn " + show(value) + ", here " + show((String) environ.get(key)));
            }
        });
        seenHeaders.keySet().stream().filter(key -> !wanted.containsKey(key))
                .forEach(key -> differences.add(key + ": gunicorn absent, here " + show(seenHeaders.get(key))));
        if (!expected.body().equals(echoed.get("body"))) {
            differences.add("body: gunicorn " + show(expected.body()) + ", here " + show((String) echoed.get("body")));
        }
        return String.join("; ", differences);
    }

    /** gunicorn's header list as CGI keys: names with '_' dropped, repeats joined as API.md says. */
    private static Map<String, String> cgiHeaders(List<Map.Entry<String, String>> headers) {
        Map<String, String> cgi = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey().toUpperCase();
            if (name.contains("_")) {
                continue;
            }
            String key = name.equals("CONTENT-TYPE") || name.equals("CONTENT-LENGTH")
                    ? name.replace('-', '_') : "HTTP_" + name.replace('-', '_');
            cgi.merge(key, header.getValue(), (a, b) -> a + (key.equals("HTTP_COOKIE") ? "; " : ",") + b);
        }
        return cgi;
    }

    private static String percentDecode(String path) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length()
                    && Character.digit(path.charAt(i + 1), 16) >= 0 && Character.digit(path.charAt(i + 2), 16) >= 0) {
                out.append((char) Integer.parseInt(path.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String show(String value) {
        if (value == null) {
            return "absent";
        }
        StringBuilder out = new StringBuilder("'");
        for (char c : value.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return out.append("'").toString();
    }
}
