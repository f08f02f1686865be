package dev.wsgiservlet;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * The response side of one request: {@code start_response}, {@code write}, and the rules for
 * sending blocks.
 *
 * <p>The status and headers wait here until the first non-empty block, so that an error before
 * that can still become a clean 500. The declared {@code Content-Length} is enforced: extra bytes
 * are cut off, and a short body is reported by {@link #finish} so that the connection is aborted.
 * Bodies are discarded for HEAD, 204 and 304, while their headers are still sent.
 */
final class WsgiResponse implements StartResponse, Write {

    /**
     * Read size when a file is copied through the servlet stream. FileChannel.transferTo into a
     * stream moves 8 KiB per read and copies each block twice more; one 64 KiB read per write
     * measured faster (docs/performance.md).
     */
    static final int TRANSFER_BLOCK = 64 * 1024;

    private final HttpServletResponse response;
    private final ServletContext log;
    private final boolean head;
    private final boolean chunkedHint;

    private boolean started;
    private boolean headersSent;
    private boolean writeUsed;
    private int code;
    private List<Header> headers;
    private long declaredLength = -1;
    private long sent;
    private boolean truncated;
    private OutputStream out;

    WsgiResponse(HttpServletResponse response, ServletContext log, boolean head) {
        this(response, log, head, false);
    }

    /**
     * @param chunkedHint mark a streamed body of unknown length {@code Transfer-Encoding: chunked}
     *     (see {@link ChunkedHint})
     */
    WsgiResponse(HttpServletResponse response, ServletContext log, boolean head, boolean chunkedHint) {
        this.response = response;
        this.log = log;
        this.head = head;
        this.chunkedHint = chunkedHint;
    }

    @Override
    public Write call(String status, List<Header> responseHeaders, Throwable excInfo) throws Exception {
        if (excInfo != null) {
            if (headersSent) {
                throw Throwables.rethrow(excInfo);
            }
        } else if (started) {
            throw new IllegalStateException("start_response was already called; "
                    + "a second call must pass exc_info (excInfo) to replace the headers");
        }
        int statusCode = ResponseRules.statusCode(status);
        if (responseHeaders == null) {
            throw new IllegalArgumentException("response headers must be a list, not null");
        }
        List<Header> checked = new ArrayList<>(responseHeaders.size());
        long length = -1;
        for (Header header : responseHeaders) {
            ResponseRules.checkHeader(header);
            if (header.name().equalsIgnoreCase("Content-Length")) {
                long value = ResponseRules.contentLength(header.value());
                if (length >= 0 && length != value) {
                    throw new IllegalArgumentException("two different Content-Length headers: "
                            + length + " and " + value);
                }
                length = value;
            } else {
                checked.add(header);
            }
        }
        this.code = statusCode;
        this.headers = checked;
        this.declaredLength = length;
        this.started = true;
        return this;
    }

    @Override
    public void write(byte[] data) throws IOException {
        if (!started) {
            throw new IllegalStateException("write() was called before start_response");
        }
        if (data == null) {
            throw new IllegalArgumentException("write() takes bytes, not null");
        }
        writeUsed = true;
        send(data, true);
    }

    /**
     * Sends one body block, committing the headers if it is the first non-empty one.
     *
     * @param flush whether the block must reach the client before the application goes on
     * @return {@code false} once the declared Content-Length is reached and nothing more may be sent
     * @throws ClientDisconnectedException when the client is gone
     */
    boolean send(byte[] block, boolean flush) throws IOException {
        if (block.length == 0) {
            return !truncated;
        }
        if (!started) {
            throw new IllegalStateException("start_response was not called before the first body block");
        }
        if (truncated) {
            return false;
        }
        if (chunkedHint && !headersSent && declaredLength < 0 && bodyAllowed()) {
            response.setHeader("Transfer-Encoding", "chunked");
        }
        sendHeaders(-1);
        if (!bodyAllowed()) {
            return true;
        }
        int n = block.length;
        if (declaredLength >= 0 && sent + n > declaredLength) {
            n = (int) (declaredLength - sent);
            truncated = true;
            log.log("wsgi-servlet: the application sent more than its Content-Length of "
                    + declaredLength + " bytes; the rest was cut off");
        }
        try {
            out.write(block, 0, n);
            sent += n;
            if (flush) {
                out.flush();
            }
        } catch (IOException e) {
            throw new ClientDisconnectedException(e);
        }
        return !truncated;
    }

    /** Whether {@code write()} was used; then the length of the body is not known in advance. */
    boolean writeUsed() {
        return writeUsed;
    }

    /** Whether a body may go on the wire at all (not HEAD, 204 or 304). */
    boolean bodyAllowed() {
        return !head && !ResponseRules.forbidsBody(code);
    }

    /** The Content-Length the application declared, or -1. */
    long declaredLength() {
        return declaredLength;
    }

    boolean started() {
        return started;
    }

    /**
     * Hands the status and headers to the container, once.
     *
     * @param knownLength the body's length when the server knows it (an in-memory body), else -1;
     *     the application's own Content-Length wins
     */
    void sendHeaders(long knownLength) throws IOException {
        if (headersSent) {
            return;
        }
        headersSent = true;
        response.setStatus(code);
        addHeaders();
        long length = declaredLength >= 0 ? declaredLength : knownLength;
        if (length >= 0 && !ResponseRules.forbidsBody(code)) {
            response.setContentLengthLong(length);
        }
        if (bodyAllowed()) {
            try {
                out = response.getOutputStream();
            } catch (IOException e) {
                throw new ClientDisconnectedException(e);
            }
        }
    }

    /**
     * The application's headers, each added. The first {@code Date} and the first {@code Server}
     * replace the container's own instead: Jetty puts both into every response before the servlet
     * runs, and adding to them would send each twice.
     */
    private void addHeaders() {
        boolean dateSet = false;
        boolean serverSet = false;
        for (Header header : headers) {
            String name = header.name();
            if (!dateSet && name.equalsIgnoreCase("Date")) {
                dateSet = true;
                response.setHeader(name, header.value());
            } else if (!serverSet && name.equalsIgnoreCase("Server")) {
                serverSet = true;
                response.setHeader(name, header.value());
            } else {
                response.addHeader(name, header.value());
            }
        }
    }

    /**
     * Ends the body: sends the headers if the body was empty, and checks the declared length.
     *
     * @throws ShortBodyException when fewer bytes than the declared Content-Length were produced
     */
    void finish(long knownLength) throws IOException {
        if (!started) {
            throw new IllegalStateException("the application returned without calling start_response");
        }
        boolean nothingSent = !headersSent;
        if (bodyAllowed() && declaredLength > sent) {
            String problem = "the application declared Content-Length " + declaredLength
                    + " but produced only " + sent + " bytes";
            if (nothingSent) {
                throw new IllegalStateException(problem);
            }
            throw new ShortBodyException(problem);
        }
        sendHeaders(knownLength);
    }

    /**
     * Sends a file region through the servlet stream, as a block of the body, in reads of
     * {@link #TRANSFER_BLOCK} bytes.
     */
    void transferFrom(FileChannel channel, long position, long count) throws IOException {
        sendHeaders(count);
        if (!bodyAllowed() || count == 0) {
            return;
        }
        long limit = declaredLength >= 0 ? Math.min(count, declaredLength - sent) : count;
        byte[] block = new byte[(int) Math.min(limit, TRANSFER_BLOCK)];
        ByteBuffer buffer = ByteBuffer.wrap(block);
        long done = 0;
        try {
            while (done < limit) {
                buffer.clear().limit((int) Math.min(block.length, limit - done));
                int n = channel.read(buffer, position + done);
                if (n <= 0) {
                    break;
                }
                out.write(block, 0, n);
                done += n;
            }
        } catch (IOException e) {
            throw new ClientDisconnectedException(e);
        } finally {
            sent += done;
        }
    }

    /** Records a body that the container sends by itself (sendfile). */
    void sentByContainer(long count) {
        sent += count;
    }

    /** Whether the status and headers were handed to the container. */
    boolean headersSent() {
        return headersSent;
    }
}
