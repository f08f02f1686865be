package dev.wsgiservlet.samples;

import static dev.wsgiservlet.samples.harness.Http.get;
import static dev.wsgiservlet.samples.harness.Http.header;
import static dev.wsgiservlet.samples.harness.Http.postForm;
import static dev.wsgiservlet.samples.harness.Http.request;
import static dev.wsgiservlet.samples.harness.Http.send;
import static dev.wsgiservlet.samples.harness.Http.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsgiservlet.samples.harness.Cookies;
import dev.wsgiservlet.samples.harness.Html;
import dev.wsgiservlet.samples.harness.Http;
import dev.wsgiservlet.samples.harness.Lines;
import dev.wsgiservlet.samples.harness.Multipart;
import dev.wsgiservlet.samples.harness.SampleServer;
import dev.wsgiservlet.samples.harness.Sha256;
import dev.wsgiservlet.samples.harness.Samples;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The Flask sample wrapped in {@code wsgiref.validate.validator} ({@code validated_flask:app}),
 * serving every kind of request it handles: each answer must be right, and the validator must
 * find nothing to object to in the server's environ, input, start_response or iteration.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ValidatedFlaskIT implements ValidatorLogChecks {

    private static final String CONTEXT = "/validated-flask";

    private static SampleServer server;

    @BeforeAll
    @Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    static void deploy() throws Exception {
        server = SampleServer.start(Samples.deployed(CONTEXT, Samples.flaskWar())
                .withDescriptor(Samples.validatedDescriptor("flask-web.xml")));
        System.out.println("Validated Flask sample deployed in " + server.startupMillis() + " ms");
    }

    @AfterAll
    static void undeploy() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    public SampleServer server() {
        return server;
    }

    @Test
    void getWithAConvertedPathSegment() {
        HttpResponse<byte[]> response = get(server.uri("/items/7"));
        assertEquals(200, response.statusCode());
        assertEquals("14", Html.byId(text(response), "double"));
    }

    @Test
    void head() {
        HttpResponse<byte[]> response = Http.head(server.uri("/"));
        assertEquals(200, response.statusCode());
        assertEquals(0, response.body().length);
        assertEquals(String.valueOf(get(server.uri("/")).body().length), header(response, "Content-Length"));
    }

    @Test
    void formPost() {
        HttpResponse<byte[]> response = postForm(server.uri("/greet"), Map.of("name", "Ann", "message", "line\nbreak"));
        assertEquals(200, response.statusCode());
        assertEquals("Ann", Html.byId(text(response), "name"));
    }

    @Test
    void upload() throws Exception {
        byte[] content = new byte[700_000];
        new Random(7).nextBytes(content);
        Multipart form = new Multipart().file("file", "blob.bin", "application/octet-stream", content);
        HttpResponse<byte[]> response = send(request(server.uri("/upload"))
                .header("Content-Type", form.contentType()).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())).build());
        assertEquals(200, response.statusCode(), text(response));
        String sha256 = Sha256.hex(content);
        assertTrue(text(response).contains("\"sha256\":\"" + sha256 + "\",\"size\":700000"), text(response));
    }

    @Test
    void json() {
        HttpResponse<byte[]> response = send(request(server.uri("/api/echo")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[1, \"two\"]")).build());
        assertEquals(200, response.statusCode());
        assertEquals("{\"received\":[1,\"two\"],\"type\":\"list\"}\n", text(response));
    }

    @Test
    void redirect() {
        HttpResponse<byte[]> response = get(server.uri("/hello"));
        assertEquals(302, response.statusCode());
        assertEquals(CONTEXT + "/hello/world", header(response, "Location"));
    }

    @Test
    void notFound() {
        HttpResponse<byte[]> response = get(server.uri("/missing"));
        assertEquals(404, response.statusCode());
        assertEquals("There is no page at <code>/missing</code> in this Flask sample.", Html.byId(text(response), "not-found"));
    }

    @Test
    void session() {
        HttpResponse<byte[]> first = get(server.uri("/counter"));
        HttpResponse<byte[]> second = send(request(server.uri("/counter"))
                .header("Cookie", "session=" + Cookies.value(first, "session")).build());
        assertEquals("2", Html.byId(text(second), "visits"));
    }

    @Test
    void streaming() throws Exception {
        Lines received = Lines.receive(request(server.uri("/stream?count=3&delay=0.2")).build());
        assertEquals(200, received.response().statusCode());
        assertEquals(List.of("line 1 of 3", "line 2 of 3", "line 3 of 3"), received.lines());
    }

    @Test
    void staticFileAndItsRevalidation() throws Exception {
        HttpResponse<byte[]> png = get(server.uri("/static/logo.png"));
        assertEquals(200, png.statusCode());
        assertArrayEquals(Files.readAllBytes(Samples.flaskWar().resolve("WEB-INF/python/flasksample/static/logo.png")), png.body());
        HttpResponse<byte[]> again = send(request(server.uri("/static/logo.png")).header("If-None-Match", header(png, "ETag")).build());
        assertEquals(304, again.statusCode());
    }
}
