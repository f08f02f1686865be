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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsgiservlet.samples.harness.Cookies;
import dev.wsgiservlet.samples.harness.Html;
import dev.wsgiservlet.samples.harness.SampleServer;
import dev.wsgiservlet.samples.harness.Samples;
import dev.wsgiservlet.samples.harness.Webapp;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The Django sample WAR ({@code python:mysite.wsgi:application}), deployed unchanged through its
 * web.xml, exercised over HTTP through each feature it shows.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DjangoSampleIT {

    private static final String CONTEXT = "/war-sample-django";
    private static final Pattern SERVER_TIMING = Pattern.compile("django;desc=\"graalpy 3\\.\\d+\\.\\d+\";dur=\\d+\\.\\d");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrfmiddlewaretoken\" value=\"([^\"]+)\"");

    private static SampleServer server;

    @BeforeAll
    @Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    static void deploy() throws Exception {
        // Exactly as built: the WAR's web.xml already asks for one GraalPy context.
        server = SampleServer.start(Webapp.of(CONTEXT, Samples.djangoWar()));
        System.out.println("Django sample deployed in " + server.startupMillis() + " ms");
    }

    @AfterAll
    static void undeploy() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void wsgiPyIsTheOneStartprojectWrote() throws Exception {
        Path python = Samples.djangoWar().resolve("WEB-INF/python");
        String template = Files.readString(python.resolve("django/conf/project_template/project_name/wsgi.py-tpl"));
        byte[] generated = template.replace("{{ project_name }}", "mysite").replace("{{ docs_version }}", "3.2")
                .getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(generated, Files.readAllBytes(python.resolve("mysite/wsgi.py")));
        assertArrayEquals(generated, Files.readAllBytes(Samples.djangoSources().resolve("mysite/wsgi.py")));
    }

    @Test
    void indexRendersTheTemplateOnGraalPy() {
        HttpResponse<byte[]> response = get(server.uri("/"));
        assertEquals(200, response.statusCode());
        assertEquals("text/html;charset=utf-8", header(response, "Content-Type"));
        String html = text(response);
        assertEquals("3.2.25", Html.byId(html, "django"));
        assertTrue(Html.byId(html, "python").startsWith("graalpy 3."), html);
        assertTrue(html.contains("href=\"" + CONTEXT + "/contact/\""), html);
    }

    @Test
    void staticUrlsCarryTheContextPath() {
        String html = text(get(server.uri("/")));
        assertTrue(html.contains("<link rel=\"stylesheet\" href=\"" + CONTEXT + "/static/pages/style.css\">"), html);
        assertTrue(html.contains("<img src=\"" + CONTEXT + "/static/pages/logo.png\""), html);
    }

    @Test
    void pathConverterDecodesUtf8() {
        HttpResponse<byte[]> response = get(server.uri("/hello/Zo%C3%AB%20%3Cb%3E/"));
        assertEquals(200, response.statusCode());
        assertEquals("Hello, Zoë &lt;b&gt;!", Html.byId(text(response), "greeting"));
    }

    @Test
    void intConverterAndReverse() {
        HttpResponse<byte[]> response = get(server.uri("/articles/2024/"));
        assertEquals(200, response.statusCode());
        String html = text(response);
        assertEquals("2024", Html.byId(html, "year"));
        assertTrue(html.contains("id=\"next\" href=\"" + CONTEXT + "/articles/2025/\""), html);
    }

    @Test
    void unknownPathGetsTheProjects404Template() {
        HttpResponse<byte[]> response = get(server.uri("/articles/next-year/"));
        assertEquals(404, response.statusCode());
        assertEquals("There is no page at <code>" + CONTEXT + "/articles/next-year/</code> in this Django sample.",
                Html.byId(text(response), "not-found"));
    }

    @Test
    void commonMiddlewareAppendsTheSlash() {
        HttpResponse<byte[]> response = get(server.uri("/contact"));
        assertEquals(301, response.statusCode());
        assertEquals(CONTEXT + "/contact/", header(response, "Location"));
    }

    @Test
    void postWithoutCsrfTokenIsForbidden() {
        Map<String, String> fields = contactFields("Ann", "ann@example.com", "Hello");
        HttpResponse<byte[]> noCookieNoToken = postForm(server.uri("/contact/"), fields);
        assertEquals(403, noCookieNoToken.statusCode());
        assertTrue(text(noCookieNoToken).contains("CSRF verification failed. Request aborted."), text(noCookieNoToken));

        CsrfPair csrf = csrfFromForm();
        HttpResponse<byte[]> cookieButNoToken = postForm(server.uri("/contact/"), fields, "Cookie", "csrftoken=" + csrf.cookie());
        assertEquals(403, cookieButNoToken.statusCode());

        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("csrfmiddlewaretoken", csrf.token());
        HttpResponse<byte[]> tokenButNoCookie = postForm(server.uri("/contact/"), withToken);
        assertEquals(403, tokenButNoCookie.statusCode());
    }

    @Test
    void postWithCsrfTokenSucceeds() {
        CsrfPair csrf = csrfFromForm();
        Map<String, String> fields = contactFields("Zoë <Z>", "zoe@example.com", "Line one\nLine & two");
        fields.put("csrfmiddlewaretoken", csrf.token());
        HttpResponse<byte[]> response = postForm(server.uri("/contact/"), fields, "Cookie", "csrftoken=" + csrf.cookie());
        assertEquals(200, response.statusCode(), text(response));
        String html = text(response);
        assertEquals("Zoë &lt;Z&gt;", Html.byId(html, "name"));
        assertEquals("zoe@example.com", Html.byId(html, "email"));
        assertEquals("Line one<br>Line &amp; two", Html.byId(html, "message"));
    }

    @Test
    void invalidFormIsShownAgainWithItsErrors() {
        CsrfPair csrf = csrfFromForm();
        Map<String, String> fields = contactFields("Ann", "not-an-address", "Hello");
        fields.put("csrfmiddlewaretoken", csrf.token());
        HttpResponse<byte[]> response = postForm(server.uri("/contact/"), fields, "Cookie", "csrftoken=" + csrf.cookie());
        assertEquals(200, response.statusCode());
        assertTrue(text(response).contains("Enter a valid email address."), text(response));
    }

    @Test
    void ownMiddlewareTimesEveryDjangoResponse() {
        for (HttpResponse<byte[]> response : Arrays.asList(get(server.uri("/")), get(server.uri("/nowhere/")),
                postForm(server.uri("/contact/"), Map.of()))) {
            String timing = header(response, "Server-Timing");
            assertNotNull(timing, response.statusCode() + " " + response.headers().map());
            assertTrue(SERVER_TIMING.matcher(timing).matches(), timing);
        }
    }

    @Test
    void staticFilesComeFromTheContainerNotDjango() throws Exception {
        Path staticDir = Samples.djangoWar().resolve("static/pages");
        HttpResponse<byte[]> png = get(server.uri("/static/pages/logo.png"));
        assertEquals(200, png.statusCode());
        assertEquals("image/png", header(png, "Content-Type"));
        assertArrayEquals(Files.readAllBytes(staticDir.resolve("logo.png")), png.body());
        // Django's middleware would have added this header: the container answered alone.
        assertNull(header(png, "Server-Timing"));

        HttpResponse<byte[]> css = get(server.uri("/static/pages/style.css"));
        assertEquals(200, css.statusCode());
        assertEquals("text/css", header(css, "Content-Type"));
        assertArrayEquals(Files.readAllBytes(staticDir.resolve("style.css")), css.body());
    }

    @Test
    void staticFilesRevalidateAndServeRanges() throws Exception {
        HttpResponse<byte[]> first = get(server.uri("/static/pages/logo.png"));
        String etag = header(first, "ETag");
        assertNotNull(etag);
        HttpResponse<byte[]> again = send(request(server.uri("/static/pages/logo.png")).header("If-None-Match", etag).build());
        assertEquals(304, again.statusCode());

        HttpResponse<byte[]> range = send(request(server.uri("/static/pages/logo.png")).header("Range", "bytes=0-7").build());
        assertEquals(206, range.statusCode());
        assertArrayEquals(Arrays.copyOf(first.body(), 8), range.body());
    }

    @Test
    void missingStaticFileIsTheContainers404() {
        HttpResponse<byte[]> response = get(server.uri("/static/pages/missing.css"));
        assertEquals(404, response.statusCode());
        assertNull(header(response, "Server-Timing"));
    }

    @Test
    void headSendsTheHeadersOfGetWithoutABody() {
        HttpResponse<byte[]> getResponse = get(server.uri("/articles/1999/"));
        HttpResponse<byte[]> head = head(server.uri("/articles/1999/"));
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
        assertEquals(String.valueOf(getResponse.body().length), header(head, "Content-Length"));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void noRequestLoggedAnError() {
        String log = server.output().text();
        assertFalse(log.contains("Traceback"), log);
        assertFalse(log.contains("SEVERE"), log);
    }

    private static Map<String, String> contactFields(String name, String email, String message) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("email", email);
        fields.put("message", message);
        return fields;
    }

    /** GETs the contact form: the CSRF cookie Django sets, and the masked token in the form. */
    private static CsrfPair csrfFromForm() {
        HttpResponse<byte[]> form = get(server.uri("/contact/"));
        assertEquals(200, form.statusCode());
        Matcher field = CSRF_FIELD.matcher(text(form));
        assertTrue(field.find(), text(form));
        return new CsrfPair(Cookies.value(form, "csrftoken"), field.group(1));
    }

    private record CsrfPair(String cookie, String token) {
    }
}
