package dev.wsgiservlet.bench;

import dev.wsgiservlet.FileWrapper;
import dev.wsgiservlet.Header;
import dev.wsgiservlet.StartResponse;
import dev.wsgiservlet.WsgiApplication;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The WSGI side of the benchmark, written as an application author would: one route per
 * scenario, doing what {@link RawServlet} does by hand.
 */
public final class BenchApp implements WsgiApplication {

    private static final List<Header> TEXT = List.of(new Header("Content-Type", "text/plain"));
    private static final List<Header> BINARY = List.of(new Header("Content-Type", "application/octet-stream"));
    private static final List<Header> NOT_FOUND = List.of(new Header("Content-Type", "text/plain"));

    private final Path download;
    private final Path smallFile;

    /** @param docBase the folder holding {@link Payloads#DOWNLOAD_FILE} and {@link Payloads#SMALL_FILE} */
    public BenchApp(Path docBase) {
        this.download = docBase.resolve(Payloads.DOWNLOAD_FILE);
        this.smallFile = docBase.resolve(Payloads.SMALL_FILE);
    }

    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
        String path = (String) environ.get("PATH_INFO");
        switch (path) {
            case "/hello":
                startResponse.call("200 OK", TEXT);
                return List.of(Payloads.HELLO);
            case "/64k":
                startResponse.call("200 OK", BINARY);
                return List.of(Payloads.BODY_64K);
            case "/stream":
                startResponse.call("200 OK", BINARY);
                return new Repeated(Payloads.STREAM_BLOCK, Payloads.STREAM_BLOCKS);
            case "/download":
                startResponse.call("200 OK", BINARY);
                return ((FileWrapper.Factory) environ.get("wsgi.file_wrapper")).wrap(download, 0);
            case "/small-file":
                startResponse.call("200 OK", BINARY);
                return ((FileWrapper.Factory) environ.get("wsgi.file_wrapper")).wrap(smallFile, 0);
            case "/upload":
                long received = drain((InputStream) environ.get("wsgi.input"));
                startResponse.call("200 OK", TEXT);
                return List.of(("received " + received + "\n").getBytes(StandardCharsets.US_ASCII));
            default:
                startResponse.call("404 Not Found", NOT_FOUND);
                return Collections.emptyList();
        }
    }

    static long drain(InputStream in) throws java.io.IOException {
        byte[] buffer = new byte[Payloads.UPLOAD_BUFFER];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
        }
        return total;
    }

    /** A lazy body of the same block, {@code count} times: the servlet flushes each one. */
    private record Repeated(byte[] block, int count) implements Iterable<byte[]> {
        @Override
        public Iterator<byte[]> iterator() {
            return new Iterator<>() {
                private int left = count;

                @Override
                public boolean hasNext() {
                    return left > 0;
                }

                @Override
                public byte[] next() {
                    left--;
                    return block;
                }
            };
        }
    }
}
