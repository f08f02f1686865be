package dev.wsgiservlet;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * {@code wsgi.input}: the request body, ending at {@code CONTENT_LENGTH}.
 *
 * <p>The {@link InputStream} methods keep their Java meaning ({@code -1} or a short result at the
 * end). The WSGI file methods are added: {@link #readline()}, {@link #readlines()} and iteration
 * by lines. Nothing is ever read from the connection past the declared length, so the next
 * request on a kept-alive connection stays intact. A body that ends before its declared length
 * (the client went away) raises an {@link EOFException} rather than passing as complete.
 *
 * <p>Not thread-safe; one request reads it.
 */
public class WsgiInput extends InputStream implements Iterable<byte[]> {

    private static final byte[] EMPTY = new byte[0];
    private static final int BUFFER_SIZE = 8192;

    private final InputStream in;
    private final long declaredLength;
    /** Bytes still allowed from {@code in}; negative when the body is read to the container's EOF. */
    private long remaining;
    private byte[] buffer;
    private int position;
    private int limit;
    private boolean exhausted;
    /** Why reading the body from the client failed, if it did. */
    private IOException failure;

    /**
     * @param in the servlet's request body
     * @param contentLength the declared length, or {@code -1} to read until {@code in} ends (a
     *     chunked or HTTP/2 body, which the container terminates)
     */
    public WsgiInput(InputStream in, long contentLength) {
        this.in = in;
        this.declaredLength = contentLength;
        this.remaining = contentLength;
        this.exhausted = contentLength == 0;
    }

    @Override
    public int read() throws IOException {
        if (position >= limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (position < limit) {
            int n = Math.min(len, limit - position);
            System.arraycopy(buffer, position, b, off, n);
            position += n;
            return n;
        }
        return readFromSource(b, off, len);
    }

    @Override
    public int available() throws IOException {
        int buffered = limit - position;
        if (exhausted) {
            return buffered;
        }
        long fromSource = in.available();
        if (remaining >= 0) {
            fromSource = Math.min(fromSource, remaining);
        }
        return (int) Math.min(Integer.MAX_VALUE, buffered + fromSource);
    }

    /** Reads one line, up to and including {@code '\n'}; an empty array at the end. */
    public byte[] readline() throws IOException {
        return readline(-1);
    }

    /**
     * Reads one line of at most {@code limit} bytes (all of it when {@code limit} is negative); an
     * empty array at the end.
     */
    public byte[] readline(int limit) throws IOException {
        if (limit == 0) {
            return EMPTY;
        }
        byte[] line = EMPTY;
        int length = 0;
        while (limit < 0 || length < limit) {
            if (position >= this.limit && !fill()) {
                break;
            }
            int end = this.limit;
            if (limit >= 0) {
                end = Math.min(end, position + (limit - length));
            }
            int newline = indexOf(buffer, (byte) '\n', position, end);
            int take = (newline >= 0 ? newline + 1 : end) - position;
            if (line.length < length + take) {
                line = Arrays.copyOf(line, Math.max(length + take, line.length * 2));
            }
            System.arraycopy(buffer, position, line, length, take);
            length += take;
            position += take;
            if (newline >= 0) {
                break;
            }
        }
        return line.length == length ? line : Arrays.copyOf(line, length);
    }

    /** Reads all remaining lines. */
    public List<byte[]> readlines() throws IOException {
        return readlines(0);
    }

    /** Reads lines until at least {@code hint} bytes were read; all of them when {@code hint <= 0}. */
    public List<byte[]> readlines(int hint) throws IOException {
        List<byte[]> lines = new ArrayList<>();
        long total = 0;
        for (byte[] line = readline(); line.length > 0; line = readline()) {
            lines.add(line);
            total += line.length;
            if (hint > 0 && total >= hint) {
                break;
            }
        }
        return lines;
    }

    /** The remaining lines, as {@link #readline()} gives them; I/O errors surface as {@link java.io.UncheckedIOException}. */
    @Override
    public Iterator<byte[]> iterator() {
        return new Iterator<>() {
            private byte[] next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    try {
                        next = readline();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                return next.length > 0;
            }

            @Override
            public byte[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                byte[] line = next;
                next = null;
                return line;
            }
        };
    }

    /** Does not close the connection's stream: the container owns it. */
    @Override
    public void close() {
    }

    private boolean fill() throws IOException {
        if (buffer == null) {
            buffer = new byte[BUFFER_SIZE];
        }
        position = 0;
        limit = 0;
        int n = readFromSource(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        limit = n;
        return true;
    }

    private int readFromSource(byte[] b, int off, int len) throws IOException {
        if (failure != null) {
            throw failure; // a broken body stays broken: a retry must not look like a clean end
        }
        if (exhausted) {
            return -1;
        }
        int wanted = remaining >= 0 ? (int) Math.min(len, remaining) : len;
        int n;
        try {
            n = in.read(b, off, wanted);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
        if (n < 0) {
            exhausted = true;
            if (remaining > 0) {
                failure = new EOFException("request body ended after " + (declaredLength - remaining)
                        + " of the " + declaredLength + " bytes of CONTENT_LENGTH");
                throw failure;
            }
            return -1;
        }
        if (remaining >= 0) {
            remaining -= n;
            exhausted = remaining == 0;
        }
        return n;
    }

    /**
     * The error met reading the body from the client (it went away, or sent less than it
     * declared), or {@code null}. Whatever the application made of it, the request failed on
     * the client's side.
     */
    IOException failure() {
        return failure;
    }

    private static int indexOf(byte[] bytes, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
