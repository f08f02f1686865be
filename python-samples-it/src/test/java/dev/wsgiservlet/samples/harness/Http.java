package dev.wsgiservlet.samples.harness;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * HTTP/1.1 exchanges through {@link HttpClient}: no redirects followed, no cookies kept (the
 * tests send the ones they mean to), every exchange bounded by {@link #TIMEOUT}.
 */
public final class Http {

    /**
     * The bound on one exchange. Generous: without a JIT (JDK 17) GraalPy interprets, and a
     * framework's first request on a code path (a template's first compilation) takes seconds.
     */
    public static final Duration TIMEOUT = Duration.ofSeconds(120);

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private Http() {
    }

    /** A request builder for {@code uri}, with the timeout set. */
    public static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT);
    }

    /** {@code GET uri}. */
    public static HttpResponse<byte[]> get(URI uri) {
        return send(request(uri).GET().build());
    }

    /** {@code HEAD uri}. */
    public static HttpResponse<byte[]> head(URI uri) {
        return send(request(uri).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }

    /** {@code POST uri} with {@code fields} as {@code application/x-www-form-urlencoded}. */
    public static HttpResponse<byte[]> postForm(URI uri, Map<String, String> fields, String... headers) {
        HttpRequest.Builder request = request(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(urlEncoded(fields)));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** Sends {@code request} and reads the whole body. */
    public static HttpResponse<byte[]> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Sends {@code request} with {@code handler} reading the body. */
    public static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return CLIENT.send(request, handler);
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The body, decoded as UTF-8. */
    public static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** A response header, or {@code null}. */
    public static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** {@code fields} encoded as a form body, in their map's order. */
    public static String urlEncoded(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
