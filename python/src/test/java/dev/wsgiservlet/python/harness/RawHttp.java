package dev.wsgiservlet.python.harness;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, so that tests control every byte sent (partial bodies, chunked
 * uploads) and see every byte received (whether a chunked body ended properly).
 */
public final class RawHttp implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 120_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 65536);
        this.out = socket.getOutputStream();
    }

    public static RawHttp connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(TomcatServer.HOST, port), TIMEOUT_MILLIS);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        return new RawHttp(socket);
    }

    /** One GET on a new connection. */
    public static Response get(int port, String target) throws IOException {
        try (RawHttp http = connect(port)) {
            http.send("GET " + target + " HTTP/1.1\r\nHost: " + TomcatServer.HOST + "\r\nConnection: close\r\n\r\n");
            return http.response();
        }
    }

    /** One request with a body and its Content-Length, on a new connection. */
    public static Response request(int port, String method, String target, byte[] body) throws IOException {
        try (RawHttp http = connect(port)) {
            http.send(method + " " + target + " HTTP/1.1\r\nHost: " + TomcatServer.HOST
                    + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n");
            http.send(body);
            return http.response();
        }
    }

    public RawHttp send(String text) throws IOException {
        return send(text.getBytes(ISO_8859_1));
    }

    public RawHttp send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Reads one response; a body cut short is returned with {@link Response#complete()} false. */
    public Response response() throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            throw new EOFException("the connection closed before a response");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = line(); line != null && !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Response head = new Response(status, statusLine, headers, new byte[0], true);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean complete = true;
        if (status == 204 || status == 304 || status / 100 == 1) {
            return head;
        }
        String length = head.header("content-length");
        if ("chunked".equalsIgnoreCase(head.header("transfer-encoding"))) {
            complete = readChunks(body);
        } else if (length != null) {
            long n = Long.parseLong(length);
            byte[] buf = new byte[65536];
            while (n > 0) {
                int r = in.read(buf, 0, (int) Math.min(buf.length, n));
                if (r < 0) {
                    complete = false;
                    break;
                }
                body.write(buf, 0, r);
                n -= r;
            }
        } else {
            in.transferTo(body);
        }
        return new Response(status, statusLine, headers, body.toByteArray(), complete);
    }

    /** A response to HEAD: the head only. */
    public Response headResponse() throws IOException {
        String statusLine = line();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = line(); line != null && !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        return new Response(Integer.parseInt(statusLine.split(" ")[1]), statusLine, headers, new byte[0], true);
    }

    private boolean readChunks(ByteArrayOutputStream body) throws IOException {
        while (true) {
            String size = line();
            if (size == null) {
                return false;
            }
            int n;
            try {
                n = Integer.parseInt(size.split(";")[0].trim(), 16);
            } catch (NumberFormatException e) {
                return false;
            }
            if (n == 0) {
                for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                    // trailers are not used here
                }
                return true;
            }
            byte[] chunk = in.readNBytes(n);
            body.write(chunk);
            if (chunk.length < n || line() == null) {
                return false;
            }
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        try {
            while ((b = in.read()) >= 0 && b != '\n') {
                line.write(b);
            }
        } catch (java.net.SocketException e) {
            return null; // reset by the server: the response ends here
        }
        if (b < 0 && line.size() == 0) {
            return null;
        }
        String s = line.toString(ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** A response as read off the wire. */
    public record Response(int status, String statusLine, Map<String, List<String>> headers, byte[] body,
            boolean complete) {

        /** The first value of a header (name in any case), or null. */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
