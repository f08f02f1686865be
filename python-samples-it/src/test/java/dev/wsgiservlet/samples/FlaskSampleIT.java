package dev.wsgiservlet.samples;

import static dev.wsgiservlet.samples.harness.Http.get;
import static dev.wsgiservlet.samples.harness.Http.head;
import static dev.wsgiservlet.samples.harness.Http.header;
import static dev.wsgiservlet.samples.harness.Http.postForm;
import static dev.wsgiservlet.samples.harness.Http.request;
import static dev.wsgiservlet.samples.harness.Http.send;
import static dev.wsgiservlet.samples.harness.Http.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsgiservlet.samples.harness.Cookies;
import dev.wsgiservlet.samples.harness.Html;
import dev.wsgiservlet.samples.harness.Lines;
import dev.wsgiservlet.samples.harness.Multipart;
import dev.wsgiservlet.samples.harness.SampleServer;
import dev.wsgiservlet.samples.harness.Sha256;
import dev.wsgiservlet.samples.harness.Samples;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The Flask sample WAR ({@code python:flasksample:app}), deployed unchanged through its web.xml,
 * exercised over HTTP through each feature it shows.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FlaskSampleIT {

    private static final String CONTEXT = "/war-sample-flask";

    private static SampleServer server;

    @BeforeAll
    @Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    static void deploy() throws Exception {
        server = SampleServer.start(Samples.deployed(CONTEXT, Samples.flaskWar()));
        System.out.println("Flask sample deployed in " + server.startupMillis() + " ms");
    }

    @AfterAll
    static void undeploy() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void indexRendersTheTemplateWithLinksUnderTheContextPath() {
        HttpResponse<byte[]> response = get(server.uri("/"));
        assertEquals(200, response.statusCode());
        assertEquals("text/html;charset=utf-8", header(response, "Content-Type"));
        String html = text(response);
        assertTrue(html.contains("<h1>Flask on a servlet container</h1>"), html);
        assertTrue(html.contains("href=\"" + CONTEXT + "/hello/world\""), html);
        assertTrue(html.contains("href=\"" + CONTEXT + "/static/style.css\""), html);
    }

    @Test
    void routeDecodesAUtf8PathSegment() {
        HttpResponse<byte[]> response = get(server.uri("/hello/Zo%C3%AB%20%26%20Al"));
        assertEquals(200, response.statusCode());
        assertEquals("Hello, Zoë &amp; Al!", Html.byId(text(response), "greeting"));
    }

    @Test
    void intConverterMatchesDigitsOnly() {
        HttpResponse<byte[]> item = get(server.uri("/items/21"));
        assertEquals(200, item.statusCode());
        assertEquals("42", Html.byId(text(item), "double"));

        HttpResponse<byte[]> notAnInt = get(server.uri("/items/twenty-one"));
        assertEquals(404, notAnInt.statusCode());
        assertTrue(text(notAnInt).contains("There is no page at <code>/items/twenty-one</code> in this Flask sample."), text(notAnInt));
    }

    @Test
    void redirectPointsIntoTheWebApplication() {
        HttpResponse<byte[]> response = get(server.uri("/hello"));
        assertEquals(302, response.statusCode());
        assertEquals(CONTEXT + "/hello/world", header(response, "Location"));
    }

    @Test
    void formPostIsParsedAndEscaped() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "Zoë");
        fields.put("message", "<b>1 + 1 = 2</b> & more");
        HttpResponse<byte[]> response = postForm(server.uri("/greet"), fields);
        assertEquals(200, response.statusCode());
        String html = text(response);
        assertEquals("Zoë", Html.byId(html, "name"));
        assertEquals("&lt;b&gt;1 + 1 = 2&lt;/b&gt; &amp; more", Html.byId(html, "message"));
    }

    @Test
    void formWithoutANameIsABadRequest() {
        HttpResponse<byte[]> response = postForm(server.uri("/greet"), Map.of("message", "hi"));
        assertEquals(400, response.statusCode());
        assertEquals("Please give your name.", Html.byId(text(response), "error"));
    }

    @Test
    void uploadReportsSizeAndSha256OfTheBytesSent() throws Exception {
        // Over Werkzeug's 500 KiB in-memory limit: the part is spooled to a temporary file.
        byte[] content = new byte[1_536_000];
        new Random(4).nextBytes(content);
        String sha256 = Sha256.hex(content);
        Multipart form = new Multipart().field("note", "a test").file("file", "données.bin", "application/octet-stream", content);
        HttpResponse<byte[]> response = send(request(server.uri("/upload"))
                .header("Content-Type", form.contentType())
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())).build());
        assertEquals(200, response.statusCode(), text(response));
        assertEquals("application/json", header(response, "Content-Type"));
        assertEquals("{\"content_type\":\"application/octet-stream\",\"filename\":\"donn\\u00e9es.bin\",\"sha256\":\""
                + sha256 + "\",\"size\":1536000}\n", text(response));
    }

    @Test
    void uploadFromABrowserFormGetsAnHtmlSummary() throws Exception {
        byte[] content = "col1,col2\n1,2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Multipart form = new Multipart().file("file", "table.csv", "text/csv", content);
        HttpResponse<byte[]> response = send(request(server.uri("/upload"))
                .header("Content-Type", form.contentType())
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())).build());
        assertEquals(200, response.statusCode(), text(response));
        String html = text(response);
        assertEquals("table.csv", Html.byId(html, "filename"));
        assertEquals("text/csv", Html.byId(html, "content-type"));
        assertEquals(String.valueOf(content.length), Html.byId(html, "size"));
        assertEquals(Sha256.hex(content), Html.byId(html, "sha256"));
    }

    @Test
    void uploadWithoutAFileIsABadRequest() {
        Multipart form = new Multipart().field("note", "no file");
        HttpResponse<byte[]> response = send(request(server.uri("/upload"))
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())).build());
        assertEquals(400, response.statusCode());
        assertTrue(text(response).contains("The form has no file in its &#39;file&#39; field."), text(response));
    }

    @Test
    void jsonInfoSaysGraalPyAndTheMountPoint() {
        HttpResponse<byte[]> response = get(server.uri("/api/info"));
        assertEquals(200, response.statusCode());
        assertEquals("application/json", header(response, "Content-Type"));
        String json = text(response);
        assertTrue(json.contains("\"python\":\"graalpy\""), json);
        assertTrue(json.contains("\"script_name\":\"" + CONTEXT + "\""), json);
        assertTrue(json.contains("\"multithread\":true"), json);
    }

    @Test
    void jsonEchoRoundTrips() {
        HttpResponse<byte[]> response = send(request(server.uri("/api/echo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Zoë\", \"n\": [1, 2.5, null, true]}")).build());
        assertEquals(200, response.statusCode());
        assertEquals("{\"received\":{\"n\":[1,2.5,null,true],\"name\":\"Zo\\u00eb\"},\"type\":\"dict\"}\n", text(response));
    }

    @Test
    void malformedJsonGetsAJsonError() {
        HttpResponse<byte[]> response = send(request(server.uri("/api/echo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{not json")).build());
        assertEquals(400, response.statusCode());
        assertEquals("application/json", header(response, "Content-Type"));
        assertTrue(text(response).contains("\"error\":\"Bad Request\",\"status\":400"), text(response));
    }

    @Test
    void sessionCookieCarriesTheCountAndIsSigned() {
        HttpResponse<byte[]> first = get(server.uri("/counter"));
        assertEquals("1", Html.byId(text(first), "visits"));
        String setCookie = Cookies.setCookie(first, "session").orElseThrow();
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        String cookie = Cookies.value(first, "session");

        HttpResponse<byte[]> second = send(request(server.uri("/counter")).header("Cookie", "session=" + cookie).build());
        assertEquals("2", Html.byId(text(second), "visits"));
        String next = Cookies.value(second, "session");
        HttpResponse<byte[]> third = send(request(server.uri("/counter")).header("Cookie", "session=" + next).build());
        assertEquals("3", Html.byId(text(third), "visits"));

        // A cookie whose signature does not match is ignored: the count starts again.
        String forged = next.substring(0, next.length() - 2) + (next.endsWith("AA") ? "BB" : "AA");
        HttpResponse<byte[]> tampered = send(request(server.uri("/counter")).header("Cookie", "session=" + forged).build());
        assertEquals("1", Html.byId(text(tampered), "visits"));

        HttpResponse<byte[]> reset = send(request(server.uri("/counter/reset"))
                .header("Cookie", "session=" + next).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(303, reset.statusCode());
        assertEquals(CONTEXT + "/counter", header(reset, "Location"));
        String cleared = Cookies.setCookie(reset, "session").orElseThrow();
        assertTrue(cleared.startsWith("session=;") && cleared.contains("Max-Age=0"), cleared);
    }

    @Test
    void streamArrivesLineByLineAsTheGeneratorYields() throws Exception {
        Lines received = Lines.receive(request(server.uri("/stream?count=4&delay=1")).build());
        assertEquals(200, received.response().statusCode());
        assertEquals(List.of("line 1 of 4", "line 2 of 4", "line 3 of 4", "line 4 of 4"), received.lines());
        assertEquals("chunked", received.response().headers().firstValue("Transfer-Encoding").orElse(null));
        // The generator sleeps 1 s between lines. Had the server buffered the body, every line
        // would arrive at once; sent as produced, the last comes about 3 s after the first.
        long spread = received.arrivalMillis().get(3);
        assertTrue(spread >= 2500, "lines arrived within " + spread + " ms of each other: " + received.arrivalMillis());
    }

    @Test
    void unknownPathGetsTheCustom404Page() {
        HttpResponse<byte[]> response = get(server.uri("/no/such/page"));
        assertEquals(404, response.statusCode());
        assertEquals("text/html;charset=utf-8", header(response, "Content-Type"));
        assertEquals("There is no page at <code>/no/such/page</code> in this Flask sample.", Html.byId(text(response), "not-found"));
    }

    @Test
    void staticFilesComeThroughFlaskWithTheirBytesAndType() throws Exception {
        Path staticDir = Samples.flaskWar().resolve("WEB-INF/python/flasksample/static");
        HttpResponse<byte[]> png = get(server.uri("/static/logo.png"));
        assertEquals(200, png.statusCode());
        assertEquals("image/png", header(png, "Content-Type"));
        assertArrayEquals(Files.readAllBytes(staticDir.resolve("logo.png")), png.body());

        HttpResponse<byte[]> css = get(server.uri("/static/style.css"));
        assertEquals(200, css.statusCode());
        assertEquals("text/css;charset=utf-8", header(css, "Content-Type"));
        assertArrayEquals(Files.readAllBytes(staticDir.resolve("style.css")), css.body());
        assertEquals(String.valueOf(css.body().length), header(css, "Content-Length"));
    }

    @Test
    void staticFileRevalidatesWithItsETag() {
        HttpResponse<byte[]> first = get(server.uri("/static/logo.png"));
        String etag = header(first, "ETag");
        assertNotNull(etag, first.headers().map().toString());
        HttpResponse<byte[]> again = send(request(server.uri("/static/logo.png")).header("If-None-Match", etag).build());
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
    }

    @Test
    void headSendsTheHeadersOfGetWithoutABody() {
        HttpResponse<byte[]> getResponse = get(server.uri("/hello/head"));
        HttpResponse<byte[]> head = head(server.uri("/hello/head"));
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
        assertEquals(String.valueOf(getResponse.body().length), header(head, "Content-Length"));
        assertNotEquals("0", header(head, "Content-Length"));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void noRequestLoggedAnError() {
        String log = server.output().text();
        assertFalse(log.contains("Traceback"), log);
        assertFalse(log.contains("SEVERE"), log);
    }
}
