package dev.wsgiservlet.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartReaderTest {

    private static final String BOUNDARY = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

    /** Gives at most {@code step} bytes per read, as a slow network would. */
    private static InputStream trickle(byte[] data, int step) {
        return new FilterInputStream(new ByteArrayInputStream(data)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, step));
            }
        };
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] form(byte[] fileContent) {
        return concat(
                bytes("--" + BOUNDARY + "\r\n"
                        + "Content-Disposition: form-data; name=\"comment\"\r\n\r\n"
                        + "hello\r\n"
                        + "--" + BOUNDARY + "\r\n"
                        + "Content-Disposition: form-data; name=\"file\"; filename=\"d\u00e9j\u00e0.bin\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n"),
                fileContent,
                bytes("\r\n--" + BOUNDARY + "--\r\n"));
    }

    private record Received(String name, String filename, String contentType, byte[] body) { }

    private static List<Received> readAll(MultipartReader reader) throws IOException {
        List<Received> parts = new ArrayList<>();
        for (MultipartReader.Part p = reader.next(); p != null; p = reader.next()) {
            parts.add(new Received(p.name(), p.filename(), p.contentType(), p.body().readAllBytes()));
        }
        return parts;
    }

    /** Content full of near-misses: CR, LF, dashes and boundary prefixes. */
    private static byte[] trickyContent() {
        return bytes("\r\n\r\n--\r\n-" + BOUNDARY.substring(0, 20) + "\r\n--"
                + BOUNDARY.substring(0, BOUNDARY.length() - 1) + "\r\r\n-\r\n--x" + BOUNDARY + "\r");
    }

    @Test
    void readsFieldsAndFileAcrossEveryReadSizeAndBufferSize() throws IOException {
        byte[] content = trickyContent();
        byte[] body = form(content);
        int smallestBuffer = ("\r\n--" + BOUNDARY).length() + 2;
        for (int buffer : new int[] {smallestBuffer, smallestBuffer + 1, 64, 100, 4096}) {
            for (int step = 1; step <= body.length; step++) {
                List<Received> parts = readAll(new MultipartReader(trickle(body, step), BOUNDARY, buffer));
                String where = "buffer " + buffer + ", step " + step;
                assertEquals(2, parts.size(), where);
                assertEquals("comment", parts.get(0).name(), where);
                assertNull(parts.get(0).filename(), where);
                assertEquals("text/plain", parts.get(0).contentType(), where);
                assertArrayEquals(bytes("hello"), parts.get(0).body(), where);
                assertEquals("file", parts.get(1).name(), where);
                assertEquals("d\u00e9j\u00e0.bin", parts.get(1).filename(), where);
                assertEquals("application/octet-stream", parts.get(1).contentType(), where);
                assertArrayEquals(content, parts.get(1).body(), where);
            }
        }
    }

    @Test
    void streamsALargeRandomFileByteForByteIdentical() throws IOException {
        byte[] content = new byte[1_000_003];
        new Random(42).nextBytes(content);
        MultipartReader reader = new MultipartReader(trickle(form(content), 1500), BOUNDARY);
        reader.next();
        MultipartReader.Part file = reader.next();
        assertNotNull(file);
        assertArrayEquals(content, file.body().readAllBytes());
        assertNull(reader.next());
    }

    @Test
    void singleByteReadsOfThePartBodyWork() throws IOException {
        byte[] content = trickyContent();
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(form(content)), BOUNDARY, 50);
        reader.next();
        InputStream in = reader.next().body();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            out.write(b);
        }
        assertArrayEquals(content, out.toByteArray());
    }

    @Test
    void skipsPreambleEpilogueAndUnreadParts() throws IOException {
        byte[] body = bytes("This is the preamble.\r\n--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"a\"\r\n\r\nfirst\r\n--" + BOUNDARY + "  \r\n"
                + "Content-Disposition: form-data; name=\"b\"\r\n\r\nsecond\r\n--" + BOUNDARY
                + "--\r\nThis is the epilogue.\r\n");
        MultipartReader reader = new MultipartReader(trickle(body, 7), BOUNDARY, 60);
        assertEquals("a", reader.next().name());
        MultipartReader.Part b = reader.next();
        assertEquals("b", b.name());
        assertArrayEquals(bytes("second"), b.body().readAllBytes());
        assertNull(reader.next());
        assertNull(reader.next());
    }

    @Test
    void anEmptyFileIsAnEmptyBody() throws IOException {
        List<Received> parts = readAll(new MultipartReader(new ByteArrayInputStream(form(new byte[0])), BOUNDARY));
        assertArrayEquals(new byte[0], parts.get(1).body());
    }

    @Test
    void aBodyWithoutClosingDelimiterIsAnError() {
        byte[] truncated = bytes("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end");
        MultipartException e = assertThrows(MultipartException.class, () -> {
            MultipartReader reader = new MultipartReader(new ByteArrayInputStream(truncated), BOUNDARY);
            reader.next().body().readAllBytes();
        });
        assertEquals("the body ended before the closing boundary", e.getMessage());
    }

    @Test
    void aBodyWithoutAnyDelimiterIsAnError() {
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(bytes("just text")), BOUNDARY);
        assertThrows(MultipartException.class, reader::next);
    }

    @Test
    void aDelimiterFollowedByOtherTextIsAnError() {
        byte[] body = bytes("--" + BOUNDARY + "X\r\n\r\n");
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body), BOUNDARY);
        assertThrows(MultipartException.class, reader::next);
    }

    @Test
    void readsTheBoundaryParameter() {
        assertEquals("abc", MultipartReader.boundary("multipart/form-data; boundary=abc"));
        assertEquals("a b;c", MultipartReader.boundary("multipart/form-data; charset=utf-8; BOUNDARY=\"a b;c\""));
        assertNull(MultipartReader.boundary("multipart/form-data"));
        assertNull(MultipartReader.boundary("multipart/form-data; boundary="));
        assertNull(MultipartReader.boundary(null));
    }

    @Test
    void rejectsBoundariesRfc2046Forbids() {
        InputStream empty = new ByteArrayInputStream(new byte[0]);
        assertThrows(IllegalArgumentException.class, () -> new MultipartReader(empty, ""));
        assertThrows(IllegalArgumentException.class, () -> new MultipartReader(empty, "x".repeat(71)));
    }
}
