package dev.wsgiservlet.conformance.harness;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An HTTP/1.1 connection over a plain socket, for what {@code HttpClient} hides: exact bytes of
 * the request target and headers, pipelining, chunk framing, a missing last chunk, a connection
 * closed early. Every read waits at most {@link Http#TIMEOUT}; a connection reset by the server
 * counts as the end of the stream.
 */
public final class RawConnection implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    /** The CRLF that ends the last chunk's data, still to be read (see {@link #readChunk()}). */
    private boolean chunkEndPending;

    private RawConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects to the deployment's host and port. */
    public static RawConnection open(Deployment deployment) throws IOException {
        return open(deployment, null);
    }

    /** Connects from the local address {@code from} (for example 127.0.0.2), or any when {@code null}. */
    public static RawConnection open(Deployment deployment, InetAddress from) throws IOException {
        Socket socket = new Socket();
        if (from != null) {
            socket.bind(new InetSocketAddress(from, 0));
        }
        socket.connect(new InetSocketAddress(deployment.host(), deployment.port()), (int) Http.TIMEOUT.toMillis());
        socket.setSoTimeout((int) Http.TIMEOUT.toMillis());
        socket.setTcpNoDelay(true);
        return new RawConnection(socket);
    }

    /** The client side's port, which the server sees as the remote port. */
    public int localPort() {
        return socket.getLocalPort();
    }

    /** Sends text whose chars are bytes (ISO-8859-1). */
    public RawConnection send(String latin1) throws IOException {
        return send(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends bytes. */
    public RawConnection send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Reads a status line and headers. */
    public ResponseHead readHead() throws IOException {
        String statusLine = readLine();
        if (statusLine == null) {
            throw new EOFException("connection closed before a response");
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not a status line: " + statusLine);
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String line = readLine(); line != null && !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            headers.add(new AbstractMap.SimpleImmutableEntry<>(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
        }
        return new ResponseHead(statusLine, Integer.parseInt(parts[1]), List.copyOf(headers));
    }

    /** Reads a response and its body as its framing says; for a response to HEAD, pass {@code head=true}. */
    public RawResponse readResponse(boolean head) throws IOException {
        ResponseHead responseHead = readHead();
        int status = responseHead.status();
        if (head || status / 100 == 1 || status == 204 || status == 304) {
            return new RawResponse(responseHead, new byte[0]);
        }
        if (responseHead.chunked()) {
            ChunkedBody body = readChunkedBody();
            if (!body.terminated()) {
                throw new EOFException("chunked body ended without its last chunk after " + body.bytes().length + " bytes");
            }
            return new RawResponse(responseHead, body.bytes());
        }
        long length = responseHead.contentLength();
        return new RawResponse(responseHead, length >= 0 ? readExactly((int) length) : readToEnd());
    }

    /** {@link #readResponse(boolean) readResponse(false)}. */
    public RawResponse readResponse() throws IOException {
        return readResponse(false);
    }

    /**
     * Reads one chunk: its data, an empty array for the last chunk (trailers are skipped), or
     * {@code null} when the connection ended first. The CRLF after a chunk's data is read with the
     * next chunk: a server may send it only then (Jetty writes it in front of the next chunk
     * header), and a streaming client has the data without it.
     */
    public byte[] readChunk() throws IOException {
        if (chunkEndPending) {
            chunkEndPending = false;
            String end = readLine();
            if (end == null) {
                return null;
            }
            if (!end.isEmpty()) {
                throw new IOException("chunk data not followed by CRLF but by: " + end);
            }
        }
        String sizeLine = readLine();
        if (sizeLine == null) {
            return null;
        }
        int semicolon = sizeLine.indexOf(';');
        int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
        if (size == 0) {
            for (String trailer = readLine(); trailer != null && !trailer.isEmpty(); trailer = readLine()) {
                // trailers are not part of what the suite checks
            }
            return new byte[0];
        }
        byte[] data = readUpTo(size);
        if (data.length < size) {
            return data.length == 0 ? null : data;
        }
        chunkEndPending = true;
        return data;
    }

    /** Reads chunks until the last chunk or the end of the connection. */
    public ChunkedBody readChunkedBody() throws IOException {
        List<byte[]> chunks = new ArrayList<>();
        for (byte[] chunk = readChunk(); ; chunk = readChunk()) {
            if (chunk == null) {
                return new ChunkedBody(chunks, false);
            }
            if (chunk.length == 0) {
                return new ChunkedBody(chunks, true);
            }
            chunks.add(chunk);
        }
    }

    /** Reads exactly {@code n} bytes; fewer is an {@link EOFException}. */
    public byte[] readExactly(int n) throws IOException {
        byte[] data = readUpTo(n);
        if (data.length < n) {
            throw new EOFException("expected " + n + " bytes, the connection ended after " + data.length);
        }
        return data;
    }

    /** Reads until the server closes (or resets) the connection. */
    public byte[] readToEnd() throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = read(buffer, 0, buffer.length); n >= 0; n = read(buffer, 0, buffer.length)) {
            data.write(buffer, 0, n);
        }
        return data.toByteArray();
    }

    /** Whether the server has closed the connection with nothing more to read. */
    public boolean atEnd() throws IOException {
        return read(new byte[1], 0, 1) < 0;
    }

    /** Whether the server has something more to send within {@code millis} (false at the end too). */
    public boolean sendsMoreWithin(int millis) throws IOException {
        int before = socket.getSoTimeout();
        socket.setSoTimeout(millis);
        try {
            in.mark(1);
            int b = in.read();
            in.reset();
            return b >= 0;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return false;
        } finally {
            socket.setSoTimeout(before);
        }
    }

    private byte[] readUpTo(int n) throws IOException {
        byte[] data = new byte[n];
        int total = 0;
        while (total < n) {
            int read = read(data, total, n - total);
            if (read < 0) {
                break;
            }
            total += read;
        }
        return total == n ? data : java.util.Arrays.copyOf(data, total);
    }

    private int read(byte[] buffer, int off, int len) throws IOException {
        try {
            return in.read(buffer, off, len);
        } catch (SocketException e) {
            // A reset (the server aborting the connection) is an end of stream for the suite.
            return -1;
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] one = new byte[1];
        while (true) {
            if (read(one, 0, 1) < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (one[0] == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(one[0]);
        }
    }

    /** Half-closes the connection: the server reads the end of the request stream, and can still answer. */
    public void finishSending() throws IOException {
        socket.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
