package dev.wsgiservlet;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.MappingMatch;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
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
import java.util.function.UnaryOperator;
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
    private String serverInfo;
    private String protocol = "HTTP/1.1";

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
        serve(app, response -> response);
    }

    private void serve(WsgiApplication app, UnaryOperator<HttpServletResponse> container) throws Exception {
        serve(app, "/x", container);
    }

    private void serve(WsgiApplication app, String requestUri, UnaryOperator<HttpServletResponse> container)
            throws Exception {
        Map<String, Stubs.Answer> request = new HashMap<>();
        request.put("getMethod", args -> "GET");
        request.put("getRequestURI", args -> requestUri);
        request.put("getContextPath", args -> "");
        request.put("getServletPath", args -> "");
        request.put("getHttpServletMapping", args -> Stubs.stub(HttpServletMapping.class,
                Map.of("getMappingMatch", a -> MappingMatch.PATH)));
        String protocol = this.protocol;
        request.put("getProtocol", args -> protocol);
        request.put("getScheme", args -> "http");
        request.put("getHeaderNames", args -> Collections.emptyEnumeration());
        request.put("getInputStream", args -> null); // a GET without a body: never read
        Map<String, Stubs.Answer> response = new HashMap<>();
        response.put("setStatus", args -> events.add("status " + args[0]));
        response.put("addHeader", args -> events.add(args[0] + ": " + args[1]));
        response.put("setContentLengthLong", args -> events.add("length " + args[0]));
        response.put("setHeader", args -> events.add("set " + args[0] + ": " + args[1]));
        response.put("getOutputStream", args -> output);
        response.put("isCommitted", args -> bytes.size() > 0);
        response.put("setContentType", args -> events.add("type " + args[0]));
        response.put("setContentLength", args -> events.add("length " + args[0]));
        List<String> log = this.log;
        String serverInfo = this.serverInfo;
        new Gateway(app, new EnvironBuilder(Map.of(), false, false), Stubs.stub(jakarta.servlet.ServletContext.class,
                Map.of("log", a -> log.add(a[0] + (a.length > 1 ? " " + a[1] : "")), "getServerInfo", a -> serverInfo)), false)
                .serve(Stubs.stub(HttpServletRequest.class, request), container.apply(Stubs.stub(HttpServletResponse.class, response)));
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

    @Test
    void encodedSlashInThePathIsABadRequestAndTheApplicationIsNotCalled() throws Exception {
        int[] calls = {0};
        serve((environ, startResponse) -> {
            calls[0]++;
            return List.of();
        }, "/ctx/a%2fb", response -> response);
        assertEquals(0, calls[0]);
        assertEquals("status 400", events.get(0), events::toString);
        assertTrue(bytes.toString(US_ASCII).startsWith("400 Bad Request"), bytes::toString);
    }

    @Test
    void errorAfterTheHeadersClosesTheConnectionWhereTheContainerExposesItAndAborts() {
        List<String> connection = new ArrayList<>();
        IOException aborted = assertThrows(IOException.class, () -> serve((environ, startResponse) -> {
            startResponse.call("200 OK", List.of());
            Iterator<byte[]> it = List.of("sent;".getBytes(US_ASCII)).iterator();
            return () -> new Iterator<byte[]>() {
                @Override
                public boolean hasNext() {
                    if (!it.hasNext() && bytes.size() > 0) {
                        throw new IllegalStateException("broken after the first block");
                    }
                    return it.hasNext();
                }

                @Override
                public byte[] next() {
                    return it.next();
                }
            };
        }, response -> new ExposedConnectionResponse(response, () -> connection.add("closed"))));
        assertEquals(ResponseAbortedException.class, aborted.getClass());
        assertEquals(List.of("closed"), connection);
        assertEquals("sent;", bytes.toString(US_ASCII));
    }

    /** Undertow's shape: the connection is reachable through getExchange().getConnection(). */
    public static final class ExposedConnectionResponse extends HttpServletResponseWrapper {
        private final Closeable connection;

        ExposedConnectionResponse(HttpServletResponse response, Closeable connection) {
            super(response);
            this.connection = connection;
        }

        public ExposedConnectionResponse getExchange() {
            return this;
        }

        public Closeable getConnection() {
            return connection;
        }
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

    @Test
    void jettyIsAskedToChunkAStreamedHttp11Body() throws Exception {
        serverInfo = "jetty/12.0.38";
        serve((environ, startResponse) -> {
            startResponse.call("200 OK", List.of());
            Iterator<byte[]> it = blocks("one;", "two").iterator();
            return () -> it;
        });
        assertEquals(List.of("set Transfer-Encoding: chunked", "status 200"), events);
    }

    @Test
    void noChunkedHintForHttp10OrOtherContainers() throws Exception {
        WsgiApplication streamed = (environ, startResponse) -> {
            startResponse.call("200 OK", List.of());
            Iterator<byte[]> it = blocks("one;", "two").iterator();
            return () -> it;
        };
        serverInfo = "jetty/12.0.38";
        protocol = "HTTP/1.0";
        serve(streamed);
        assertEquals(List.of("status 200"), events, "HTTP/1.0 has no chunked coding");

        events.clear();
        serverInfo = "Apache Tomcat/10.1.59";
        protocol = "HTTP/1.1";
        serve(streamed);
        assertEquals(List.of("status 200"), events, "Tomcat chunks by itself");
    }
}
