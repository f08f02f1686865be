package dev.wsgiservlet.conformance.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One of gunicorn's valid request fixtures ({@code tests/requests/valid/}, copied under
 * {@code src/test/resources/gunicorn-requests}): the raw bytes of one or more pipelined requests,
 * and what gunicorn parses from each.
 */
public record GunicornRequest(String name, byte[] raw, List<Expected> expected, boolean nonDefaultConfig) {

    /** What gunicorn parses from one request. */
    public record Expected(String method, String uri, String version, List<Map.Entry<String, String>> headers, String body) { }

    private static final String FOLDER = "/gunicorn-requests/";

    /** Loads fixture {@code name} (for example {@code "001"}) from the test class path. */
    @SuppressWarnings("unchecked")
    public static GunicornRequest load(String name) {
        byte[] raw = unescape(resource(name + ".http"));
        PythonLiterals.Module module = PythonLiterals.parse(new String(resource(name + ".py"), StandardCharsets.UTF_8));
        Object request = module.variables().get("request");
        List<Object> requests = request instanceof List<?> list ? (List<Object>) list : List.of(request);
        List<Expected> expected = new ArrayList<>();
        for (Object each : requests) {
            Map<String, Object> fields = (Map<String, Object>) each;
            List<Object> version = (List<Object>) fields.get("version");
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            for (Object header : (List<Object>) fields.get("headers")) {
                List<Object> pair = (List<Object>) header;
                headers.add(Map.entry((String) pair.get(0), (String) pair.get(1)));
            }
            expected.add(new Expected((String) fields.get("method"), (String) fields.get("uri"),
                    "HTTP/" + version.get(0) + "." + version.get(1), List.copyOf(headers), (String) fields.get("body")));
        }
        return new GunicornRequest(name, raw, List.copyOf(expected), module.usesConfig());
    }

    /** The fixture names (the {@code .http} files), sorted. */
    public static List<String> names() {
        String[] lines = new String(indexFile(), StandardCharsets.US_ASCII).split("\n");
        return List.of(lines);
    }

    /**
     * gunicorn's {@code .http} notation: real newlines are dropped; {@code \r}, {@code \n},
     * {@code \t}, {@code \0} and {@code \xHH} stand for those bytes.
     */
    static byte[] unescape(byte[] text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length; i++) {
            byte b = text[i];
            if (b == '\n') {
                continue;
            }
            if (b == '\\' && i + 1 < text.length) {
                byte e = text[i + 1];
                int value = switch (e) {
                    case 'r' -> '\r';
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case '0' -> 0;
                    case 'x' -> Integer.parseInt(new String(text, i + 2, 2, StandardCharsets.US_ASCII), 16);
                    default -> -1;
                };
                if (value >= 0) {
                    out.write(value);
                    i += e == 'x' ? 3 : 1;
                    continue;
                }
            }
            out.write(b);
        }
        return out.toByteArray();
    }

    private static byte[] indexFile() {
        try (InputStream in = GunicornRequest.class.getResourceAsStream("/gunicorn-requests.index")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String file) {
        try (InputStream in = GunicornRequest.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + FOLDER + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
