package dev.wsgiservlet;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import java.io.ByteArrayOutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the gateway hands a body to the container: what only the servlet side can see (flushes,
 * the computed Content-Length), which the conformance suite observes over HTTP only indirectly.
 */
class GatewayTest {

    private final List<String> events = new ArrayList<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private int flushes;
    private int writes;
    private final List<String> log = new ArrayList<>();

    private final ServletOutputStream output = new ServletOutputStream() {
        @Override
        public void write(int b) {
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writes++;
            bytes.write(b, off, len);
        }

        @Override
        public void flush() {
            flushes++;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
        }
    };

    private void serve(WsgiApplication app) throws Exception {
        Map<String, Stubs.Answer> request = new HashMap<>();
        request.put("getMethod", args -> "GET");
        request.put("getRequestURI", args -> "/x");
        request.put("getContextPath", args -> "");
        request.put("getServletPath", args -> "");
        request.put("getHttpServletMapping", args -> Stubs.stub(HttpServletMapping.class,
                Map.of("getMappingMatch", a -> MappingMatch.PATH)));
        request.put("getProtocol", args -> "HTTP/1.1");
        request.put("getScheme", args -> "http");
        request.put("getHeaderNames", args -> Collections.emptyEnumeration());
        request.put("getInputStream", args -> null); // a GET without a body: never read
        Map<String, Stubs.Answer> response = new HashMap<>();
        response.put("setStatus", args -> events.add("status " + args[0]));
        response.put("addHeader", args -> events.add(args[0] + ": " + args[1]));
        response.put("setContentLengthLong", args -> events.add("length " + args[0]));
        response.put("getOutputStream", args -> output);
        List<String> log = this.log;
        new Gateway(app, new EnvironBuilder(Map.of(), false, false), Stubs.stub(jakarta.servlet.ServletContext.class, Map.of("log", a -> log.add(a[0] + (a.length > 1 ? " " + a[1] : "")))), false)
                .serve(Stubs.stub(HttpServletRequest.class, request), Stubs.stub(HttpServletResponse.class, response));
    }

    private static List<byte[]> blocks(String... texts) {
        List<byte[]> out = new ArrayList<>();
        for (String text : texts) {
            out.add(text.getBytes(US_ASCII));
        }
        return out;
    }

    @Test
    void inMemoryBodyIsWrittenWithoutFlushesAndGetsItsLength() throws Exception {
        serve((environ, startResponse) -> {
            startResponse.call("200 OK", List.of());
            return blocks("one;", "two;", "three");
        });
        assertEquals(0, flushes, "the container flushes an in-memory body once, at the end");
        assertEquals(List.of("status 200", "length 13"), events);
        assertEquals("one;two;three", bytes.toString(US_ASCII));
    }

    @Test
    void lazyBodyIsFlushedBlockByBlock() throws Exception {
        serve((environ, startResponse) -> {
            startResponse.call("200 OK", List.of());
            Iterator<byte[]> it = blocks("one;", "", "two").iterator();
            return () -> it;
        });
        assertEquals(2, flushes, "one flush per non-empty block");
        assertFalse(events.stream().anyMatch(e -> e.startsWith("length")), "no length is known in advance");
        assertEquals("one;two", bytes.toString(US_ASCII));
    }

    @Test
    void writeMakesTheLengthUnknown() throws Exception {
        serve((environ, startResponse) -> {
            startResponse.call("200 OK", List.of()).write("written;".getBytes(US_ASCII));
            return blocks("returned");
        });
        assertFalse(events.stream().anyMatch(e -> e.startsWith("length")), events::toString);
        assertEquals("written;returned", bytes.toString(US_ASCII));
    }

    @Test
    void declaredLengthWinsOverTheComputedOne() throws Exception {
        serve((environ, startResponse) -> {
            startResponse.call("200 OK", List.of(new Header("Content-Length", "3")));
            return blocks("abc");
        });
        assertEquals(List.of("status 200", "length 3"), events);
    }

    @Test
    void applicationIsCalledOnceAndItsBodyClosedOnce() throws Exception {
        int[] calls = {0};
        int[] closes = {0};
        serve((environ, startResponse) -> {
            calls[0]++;
            startResponse.call("200 OK", List.of());
            return new ClosingList(closes);
        });
        assertEquals(List.of(), log, "nothing logged");
        assertEquals(1, calls[0]);
        assertEquals(1, closes[0]);
        assertTrue(bytes.size() > 0);
    }

    /** A file of {@code size} bytes that differ from their neighbours, so a misplaced block shows. */
    private static byte[] pattern(int size) {
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) (i * 31 + i / 251);
        }
        return data;
    }

    @Test
    void fileWithoutSendfileIsCopiedWholeInLargeReads(@TempDir Path dir) throws Exception {
        byte[] data = pattern(3 * WsgiResponse.TRANSFER_BLOCK + 17);
        Path file = Files.write(dir.resolve("data.bin"), data);
        serve((environ, startResponse) -> {
            startResponse.call("200 OK", List.of());
            return Environ.fileWrapper(environ).wrap(file, 0);
        });
        assertEquals(List.of("status 200", "length " + data.length), events);
        assertArrayEquals(data, bytes.toByteArray());
        assertEquals(4, writes, "one write per " + WsgiResponse.TRANSFER_BLOCK + " bytes read");
    }

    @Test
    void fileChannelFromItsPositionIsCutAtTheDeclaredLength(@TempDir Path dir) throws Exception {
        byte[] data = pattern(2 * WsgiResponse.TRANSFER_BLOCK + 5000);
        Path file = Files.write(dir.resolve("data.bin"), data);
        int from = WsgiResponse.TRANSFER_BLOCK - 3;
        int length = WsgiResponse.TRANSFER_BLOCK + 10;
        serve((environ, startResponse) -> {
            startResponse.call("200 OK", List.of(new Header("Content-Length", Integer.toString(length))));
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            channel.position(from);
            return Environ.fileWrapper(environ).wrap(channel, 0);
        });
        assertEquals(List.of("status 200", "length " + length), events);
        assertArrayEquals(Arrays.copyOfRange(data, from, from + length), bytes.toByteArray());
    }

    /** An in-memory body with a close(). */
    private static final class ClosingList extends ArrayList<byte[]> implements AutoCloseable {
        private static final long serialVersionUID = 1L;
        private final transient int[] closes;

        ClosingList(int[] closes) {
            super(blocks("closing"));
            this.closes = closes;
        }

        @Override
        public void close() {
            closes[0]++;
        }
    }
}
