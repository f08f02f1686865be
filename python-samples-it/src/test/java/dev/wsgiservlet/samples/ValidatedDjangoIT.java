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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The Django sample's {@code mysite.wsgi.application} wrapped in
 * {@code wsgiref.validate.validator} ({@code validated_django:application}), with test-only
 * views for an upload, JSON, a stream and static files served by Django: each answer must be
 * right, and the validator must find nothing to object to.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ValidatedDjangoIT implements ValidatorLogChecks {

    private static final String CONTEXT = "/validated-django";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrfmiddlewaretoken\" value=\"([^\"]+)\"");

    private static SampleServer server;

    @BeforeAll
    @Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    static void deploy() throws Exception {
        server = SampleServer.start(Samples.deployed(CONTEXT, Samples.djangoWar())
                .withDescriptor(Samples.validatedDescriptor("django-web.xml")));
        System.out.println("Validated Django sample deployed in " + server.startupMillis() + " ms");
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
    void getWithATemplate() {
        HttpResponse<byte[]> response = get(server.uri("/hello/validator/"));
        assertEquals(200, response.statusCode());
        assertEquals("Hello, validator!", Html.byId(text(response), "greeting"));
    }

    @Test
    void head() {
        HttpResponse<byte[]> response = Http.head(server.uri("/"));
        assertEquals(200, response.statusCode());
        assertEquals(0, response.body().length);
        assertEquals(String.valueOf(get(server.uri("/")).body().length), header(response, "Content-Length"));
    }

    @Test
    void formPostWithAndWithoutCsrfToken() {
        HttpResponse<byte[]> form = get(server.uri("/contact/"));
        Matcher token = CSRF_FIELD.matcher(text(form));
        assertTrue(token.find(), text(form));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "Ann");
        fields.put("email", "ann@example.com");
        fields.put("message", "Hi");
        assertEquals(403, postForm(server.uri("/contact/"), fields).statusCode());

        fields.put("csrfmiddlewaretoken", token.group(1));
        HttpResponse<byte[]> response = postForm(server.uri("/contact/"), fields, "Cookie", "csrftoken=" + Cookies.value(form, "csrftoken"));
        assertEquals(200, response.statusCode());
        assertEquals("Ann", Html.byId(text(response), "name"));
    }

    @Test
    void upload() throws Exception {
        // Over Django's 2.5 MB FILE_UPLOAD_MAX_MEMORY_SIZE: the upload goes to a temporary file.
        byte[] content = new byte[3_000_000];
        new Random(11).nextBytes(content);
        Multipart form = new Multipart().field("note", "big").file("file", "big.bin", "application/octet-stream", content);
        HttpResponse<byte[]> response = send(request(server.uri("/upload/"))
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())).build());
        assertEquals(200, response.statusCode(), text(response));
        String sha256 = Sha256.hex(content);
        assertEquals("{\"name\": \"big.bin\", \"size\": 3000000, \"sha256\": \"" + sha256 + "\"}", text(response));
    }

    @Test
    void json() {
        HttpResponse<byte[]> response = send(request(server.uri("/echo/")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"n\": [1, 2]}")).build());
        assertEquals(200, response.statusCode());
        assertEquals("application/json", header(response, "Content-Type"));
        assertEquals("{\"received\": {\"n\": [1, 2]}}", text(response));
    }

    @Test
    void redirect() {
        HttpResponse<byte[]> response = get(server.uri("/contact"));
        assertEquals(301, response.statusCode());
        assertEquals(CONTEXT + "/contact/", header(response, "Location"));
    }

    @Test
    void notFound() {
        HttpResponse<byte[]> response = get(server.uri("/nowhere/"));
        assertEquals(404, response.statusCode());
        assertEquals("There is no page at <code>" + CONTEXT + "/nowhere/</code> in this Django sample.",
                Html.byId(text(response), "not-found"));
    }

    @Test
    void streaming() throws Exception {
        Lines received = Lines.receive(request(server.uri("/stream/")).build());
        assertEquals(200, received.response().statusCode());
        assertEquals(List.of("line 1", "line 2", "line 3"), received.lines());
    }

    @Test
    void staticFileThroughDjangoAndItsRevalidation() throws Exception {
        HttpResponse<byte[]> png = get(server.uri("/django-static/pages/logo.png"));
        assertEquals(200, png.statusCode());
        assertEquals("image/png", header(png, "Content-Type"));
        assertArrayEquals(Files.readAllBytes(Samples.djangoWar().resolve("WEB-INF/python/pages/static/pages/logo.png")), png.body());
        HttpResponse<byte[]> again = send(request(server.uri("/django-static/pages/logo.png"))
                .header("If-Modified-Since", header(png, "Last-Modified")).build());
        assertEquals(304, again.statusCode());
    }
}
