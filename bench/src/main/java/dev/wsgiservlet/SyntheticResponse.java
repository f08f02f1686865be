package dev.wsgiservlet;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * A response that keeps what the adapter sets and discards the body, counting its bytes. One
 * instance serves every operation of a benchmark; {@link #recycle()} clears it, as a container
 * recycles its response objects.
 */
final class SyntheticResponse extends HttpServletResponseWrapper {

    private final Body body = new Body();
    private int status = 200;
    private int headers;
    private long contentLength = -1;
    private boolean committed;

    SyntheticResponse() {
        super(Unsupported.instance(HttpServletResponse.class));
    }

    void recycle() {
        status = 200;
        headers = 0;
        contentLength = -1;
        committed = false;
        body.count = 0;
        body.flushes = 0;
    }

    /** What reached the "wire": status, header count, length, bytes and flushes, folded into one number. */
    long outcome() {
        return status * 31L + headers * 17L + contentLength + body.count * 7 + body.flushes;
    }

    @Override
    public void setStatus(int sc) {
        status = sc;
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public void addHeader(String name, String value) {
        headers++;
    }

    @Override
    public void setHeader(String name, String value) {
        headers++;
    }

    @Override
    public void setContentType(String type) {
        headers++;
    }

    @Override
    public void setContentLength(int len) {
        contentLength = len;
    }

    @Override
    public void setContentLengthLong(long len) {
        contentLength = len;
    }

    @Override
    public boolean isCommitted() {
        return committed;
    }

    @Override
    public ServletOutputStream getOutputStream() {
        return body;
    }

    private final class Body extends ServletOutputStream {
        long count;
        long flushes;

        @Override
        public void write(int b) {
            committed = true;
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            committed = true;
            count += len;
        }

        @Override
        public void flush() {
            committed = true;
            flushes++;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("blocking I/O only");
        }
    }
}
