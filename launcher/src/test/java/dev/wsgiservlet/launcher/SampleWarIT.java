package dev.wsgiservlet.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Deploys the built sample WAR at {@code /war-sample}, as Tomcat's webapps/ would, and checks each
 * page over real HTTP.
 */
// A request timeout bounds only the wait for the headers; this bounds reading the body too.
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SampleWarIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static Path war;
    private static WarServer server;
    private static HttpClient client;
    private static URI base;

    @BeforeAll
    static void start() throws Exception {
        String location = System.getProperty("sample.war");
        assertNotNull(location, "failsafe passes the WAR's path as sample.war");
        war = Path.of(location);
        server = Launcher.start(war, "/war-sample", "127.0.0.1", 0);
        base = URI.create("http://127.0.0.1:" + server.port() + "/war-sample/");
        // Plain HTTP/1.1: the default would offer an h2c upgrade the connector does not take.
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    /** Tomcat writes the charset parameter without the space the application put before it. */
    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("").replace("; ", ";");
    }

    /** The value of {@code "key":"..."} or {@code "key":number} in a flat JSON object. */
    private static String jsonField(String json, String key) {
        int at = json.indexOf("\"" + key + "\":");
        assertTrue(at >= 0, key + " in " + json);
        int start = at + key.length() + 3;
        if (json.charAt(start) == '"') {
            return json.substring(start + 1, json.indexOf('"', start + 1));
        }
        int end = start;
        while (end < json.length() && (Character.isDigit(json.charAt(end)) || json.charAt(end) == '-')) {
            end++;
        }
        return json.substring(start, end);
    }

    @Test
    void theUrlNamesLocalhostAndTheContext() {
        assertEquals(URI.create("http://localhost:" + server.port() + "/war-sample/"), server.url());
    }

    @Test
    void homePageHasTheFormsWithLinksUnderTheContext() throws Exception {
        HttpResponse<String> home = send(request(""));
        assertEquals(200, home.statusCode());
        assertEquals("text/html;charset=utf-8", contentType(home));
        assertTrue(home.body().contains("<form method=\"get\" action=\"/war-sample/hello\">"), home.body());
        assertTrue(home.body().contains("action=\"/war-sample/upload\" enctype=\"multipart/form-data\""), home.body());
    }

    @Test
    void getGreetsTheNameEscaped() throws Exception {
        HttpResponse<String> hello = send(request("hello?name=%3Cscript%3EJ%C3%BCrgen+%26+co"));
        assertEquals(200, hello.statusCode());
        assertTrue(hello.body().contains("Hello, &lt;script&gt;J\u00fcrgen &amp; co!"), hello.body());
    }

    @Test
    void postGreetsTheFormName() throws Exception {
        HttpResponse<String> hello = send(request("hello")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=%22Zo%C3%AB%22+%3Cb%3E")));
        assertEquals(200, hello.statusCode());
        assertTrue(hello.body().contains("Hello, &quot;Zo\u00eb&quot; &lt;b&gt;!"), hello.body());
    }

    @Test
    void rawUploadReportsSizeAndDigest() throws Exception {
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new Random(1).nextBytes(data);
        HttpResponse<String> upload = send(request("upload")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(data)));
        assertEquals(200, upload.statusCode(), upload.body());
        assertEquals("application/json", contentType(upload));
        assertEquals(Integer.toString(data.length), jsonField(upload.body(), "size"));
        assertEquals(sha256(data), jsonField(upload.body(), "sha256"));
    }

    @Test
    void multipartUploadReportsSizeAndDigest() throws Exception {
        byte[] data = new byte[3 * 1024 * 1024];
        new Random(2).nextBytes(data);
        String boundary = "----itBoundary" + Long.toHexString(new Random(3).nextLong());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"random.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(data);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> upload = send(request("upload")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        assertEquals(200, upload.statusCode(), upload.body());
        assertEquals("random.bin", jsonField(upload.body(), "filename"));
        assertEquals(Integer.toString(data.length), jsonField(upload.body(), "size"));
        assertEquals(sha256(data), jsonField(upload.body(), "sha256"));
    }

    @Test
    void apiInfoIsJsonFromTheMountedApp() throws Exception {
        HttpResponse<String> info = send(request("api/info?x=1"));
        assertEquals(200, info.statusCode());
        assertEquals("application/json", contentType(info));
        String json = info.body().strip();
        assertTrue(json.startsWith("{") && json.endsWith("}"), json);
        assertTrue(jsonField(json, "server").startsWith("Apache Tomcat/"), json);
        assertEquals("GET", jsonField(json, "method"));
        assertEquals("/war-sample/api", jsonField(json, "script_name"));
        assertEquals("/info", jsonField(json, "path_info"));
        assertEquals("x=1", jsonField(json, "query_string"));
    }

    @Test
    void streamSendsLinesAsTheyAreMade() throws Exception {
        HttpResponse<InputStream> stream = client.send(request("stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        List<Long> arrivals = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                arrivals.add(System.nanoTime());
                lines.add(line);
            }
        }
        assertEquals(7, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("line 1 of 7"), lines.get(0));
        // Six half-second pauses separate the first line from the last: the lines were flushed
        // one by one, not buffered to the end.
        long spreadMillis = (arrivals.get(arrivals.size() - 1) - arrivals.get(0)) / 1_000_000;
        assertTrue(spreadMillis >= 2000, "lines arrived within " + spreadMillis + " ms");
    }

    @Test
    void downloadIsTheShippedFile() throws Exception {
        byte[] shipped;
        try (ZipFile zip = new ZipFile(war.toFile())) {
            shipped = zip.getInputStream(zip.getEntry("WEB-INF/files/sample.txt")).readAllBytes();
        }
        HttpResponse<byte[]> download = client.send(request("download").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        assertArrayEquals(shipped, download.body());
        assertEquals(Integer.toString(shipped.length), download.headers().firstValue("Content-Length").orElse(""));
        assertEquals("attachment; filename=\"sample.txt\"",
                download.headers().firstValue("Content-Disposition").orElse(""));
        assertEquals("text/plain;charset=utf-8", contentType(download));
    }

    @Test
    void environDumpShowsTheContextAsScriptName() throws Exception {
        HttpResponse<String> environ = send(request("environ"));
        assertEquals(200, environ.statusCode());
        assertTrue(environ.body().contains("<tr><td>SCRIPT_NAME</td><td>/war-sample</td>"), environ.body());
        assertTrue(environ.body().contains("<tr><td>PATH_INFO</td><td>/environ</td>"), environ.body());
    }

    @Test
    void unknownPathsAreNotFound() throws Exception {
        assertEquals(404, send(request("no/such/page")).statusCode());
        assertEquals(404, send(request("api/nothing")).statusCode());
    }

}
