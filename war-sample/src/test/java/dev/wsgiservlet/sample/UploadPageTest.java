package dev.wsgiservlet.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UploadPageTest {

    private static final String BOUNDARY = "xYzZY";
    private final Pages pages = new Pages();

    private static byte[] random(int size) {
        byte[] data = new byte[size];
        new Random(7).nextBytes(data);
        return data;
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private static byte[] multipart(String filename, byte[] content, boolean closed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        if (closed) {
            out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void reportsARawUploadAsJson() throws Exception {
        byte[] data = random(200_000);
        WsgiCall call = new WsgiCall("POST", "", "/upload").body("application/octet-stream", data).run(pages);
        assertEquals("200 OK", call.status);
        assertEquals("application/json", call.header("Content-Type"));
        assertEquals("{\"filename\":null,\"content_type\":\"application/octet-stream\",\"size\":200000,"
                + "\"sha256\":\"" + sha256(data) + "\"}\n", call.text());
    }

    @Test
    void reportsAMultipartFileAsHtml() throws Exception {
        byte[] data = random(100_000);
        WsgiCall call = new WsgiCall("POST", "/war-sample", "/upload")
                .body("multipart/form-data; boundary=" + BOUNDARY, multipart("C:\\pics\\<cat>.png", data, true))
                .run(pages);
        assertEquals("200 OK", call.status);
        String html = call.text();
        assertTrue(html.contains("<td>&lt;cat&gt;.png</td>"), html);
        assertTrue(html.contains("<td>100000 bytes</td>"), html);
        assertTrue(html.contains("<td>" + sha256(data) + "</td>"), html);
        assertTrue(html.contains("href=\"/war-sample/\""), html);
    }

    @Test
    void reportsAMultipartFileAsJsonWhenAsked() throws Exception {
        byte[] data = random(10);
        WsgiCall call = new WsgiCall("POST", "", "/upload").header("HTTP_ACCEPT", "application/json")
                .body("multipart/form-data; boundary=" + BOUNDARY, multipart("a.png", data, true)).run(pages);
        assertEquals("{\"filename\":\"a.png\",\"content_type\":\"image/png\",\"size\":10,"
                + "\"sha256\":\"" + sha256(data) + "\"}\n", call.text());
    }

    @Test
    void aTruncatedMultipartBodyIsABadRequest() throws Exception {
        WsgiCall call = new WsgiCall("POST", "", "/upload").header("HTTP_ACCEPT", "application/json")
                .body("multipart/form-data; boundary=" + BOUNDARY, multipart("a.png", random(10), false)).run(pages);
        assertEquals("400 Bad Request", call.status);
        assertTrue(call.text().contains("closing boundary"), call.text());
    }

    @Test
    void aFormWithoutAChosenFileIsABadRequest() throws Exception {
        WsgiCall call = new WsgiCall("POST", "", "/upload")
                .body("multipart/form-data; boundary=" + BOUNDARY, multipart("", new byte[0], true)).run(pages);
        assertEquals("400 Bad Request", call.status);
        assertTrue(call.text().contains("Choose a file"), call.text());
    }

    @Test
    void aMultipartTypeWithoutBoundaryIsABadRequest() throws Exception {
        WsgiCall call = new WsgiCall("POST", "", "/upload").body("multipart/form-data", new byte[0]).run(pages);
        assertEquals("400 Bad Request", call.status);
    }

    @Test
    void getIsNotAllowed() throws Exception {
        WsgiCall call = new WsgiCall("GET", "", "/upload").run(pages);
        assertTrue(call.status.startsWith("405 "), call.status);
        assertEquals("POST", call.header("Allow"));
    }
}
