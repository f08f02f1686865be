package dev.wsgiservlet.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsgiservlet.conformance.harness.Deployment;
import dev.wsgiservlet.conformance.harness.FixtureWars;
import dev.wsgiservlet.conformance.harness.Http;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The unchanged {@code war-sample.war} answers on its pages: the form, the uploads, the JSON API,
 * the stream and the download. The WAR has no container-specific descriptor.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public interface SampleWarSmoke extends ConformanceTest {

    private Deployment sample() {
        return target().sample();
    }

    private HttpRequest.Builder sampleRequest(String path) {
        return Http.request(sample().uri("/" + path));
    }

    private static String sha256(byte[] data) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    /** Containers differ only in whether they keep the space before {@code charset}. */
    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("").replace("; ", ";").toLowerCase();
    }

    /** The value of {@code "key":"..."} or {@code "key":number} in the sample's flat JSON. */
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
    default void sampleHomePageLinksItsFormsUnderTheContext() {
        HttpResponse<byte[]> home = Http.get(sample().uri("/"));
        assertEquals(200, home.statusCode());
        assertEquals("text/html;charset=utf-8", contentType(home));
        String page = Http.text(home);
        assertTrue(page.contains("<form method=\"get\" action=\"/war-sample/hello\">"), page);
        assertTrue(page.contains("action=\"/war-sample/upload\" enctype=\"multipart/form-data\""), page);
    }

    @Test
    default void sampleFormGreetsOnGetAndPost() {
        HttpResponse<byte[]> get = Http.get(sample().uri("/hello?name=%3Cscript%3EJ%C3%BCrgen+%26+co"));
        assertEquals(200, get.statusCode());
        assertTrue(Http.text(get).contains("Hello, &lt;script&gt;J\u00fcrgen &amp; co!"), Http.text(get));
        HttpResponse<byte[]> post = Http.send(sampleRequest("hello")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=%22Zo%C3%AB%22+%3Cb%3E")).build());
        assertEquals(200, post.statusCode());
        assertTrue(Http.text(post).contains("Hello, &quot;Zo\u00eb&quot; &lt;b&gt;!"), Http.text(post));
    }

    @Test
    default void sampleUploadReportsSizeAndDigestOfARawAndAMultipartBody() throws Exception {
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new Random(1).nextBytes(data);
        HttpResponse<byte[]> raw = Http.send(sampleRequest("upload")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(data)).build());
        assertEquals(200, raw.statusCode(), Http.text(raw));
        assertEquals(Integer.toString(data.length), jsonField(Http.text(raw), "size"));
        assertEquals(sha256(data), jsonField(Http.text(raw), "sha256"));

        String boundary = "----smokeBoundary7c1f";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"random.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(data);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> multipart = Http.send(sampleRequest("upload")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        assertEquals(200, multipart.statusCode(), Http.text(multipart));
        assertEquals("random.bin", jsonField(Http.text(multipart), "filename"));
        assertEquals(sha256(data), jsonField(Http.text(multipart), "sha256"));
    }

    @Test
    default void sampleApiAnswersJsonFromTheMountedApp() {
        HttpResponse<byte[]> info = Http.get(sample().uri("/api/info?x=1"));
        assertEquals(200, info.statusCode());
        assertEquals("application/json", contentType(info));
        String json = Http.text(info).strip();
        assertTrue(json.startsWith("{") && json.endsWith("}"), json);
        assertEquals("/war-sample/api", jsonField(json, "script_name"));
        assertEquals("/info", jsonField(json, "path_info"));
        assertEquals("x=1", jsonField(json, "query_string"));
        assertEquals(404, Http.get(sample().uri("/api/nothing")).statusCode());
    }

    @Test
    default void sampleStreamSendsLinesAsTheyAreMade() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<InputStream> stream = client.send(sampleRequest("stream").build(),
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
        // The app pauses half a second between lines; had the container buffered the body, the
        // lines would arrive together.
        long spreadMillis = (arrivals.get(6) - arrivals.get(0)) / 1_000_000;
        assertTrue(spreadMillis >= 2000, "lines arrived within " + spreadMillis + " ms");
    }

    @Test
    default void sampleDownloadIsTheShippedFile() throws IOException {
        byte[] shipped;
        try (ZipFile zip = new ZipFile(FixtureWars.sample().toFile())) {
            shipped = zip.getInputStream(zip.getEntry("WEB-INF/files/sample.txt")).readAllBytes();
        }
        HttpResponse<byte[]> download = Http.get(sample().uri("/download"));
        assertEquals(200, download.statusCode());
        assertArrayEquals(shipped, download.body());
        assertEquals(Integer.toString(shipped.length), download.headers().firstValue("Content-Length").orElse(""));
        assertEquals("attachment; filename=\"sample.txt\"",
                download.headers().firstValue("Content-Disposition").orElse(""));
    }
}
