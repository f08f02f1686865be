package dev.wsgiservlet.middleware;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What one request's checks share: whether {@code start_response} was called, the declared length,
 * the bytes produced so far, and whether {@code close()} was called.
 *
 * <p>It must never reference the body wrapper: the {@link LeakWatch} holds this object while it
 * watches the wrapper, and a reference back would keep the wrapper alive forever.
 */
final class ResponseState {

    final Reporter reporter;
    /** {@code METHOD path}, to say which request leaked its iterable. */
    final String request;
    private final boolean head;

    private boolean started;
    private int status;
    private long contentLength = HeaderCheck.Head.NONE;
    private long bodyBytes;
    /** Read by whichever request drains the {@link LeakWatch}. */
    final AtomicBoolean closed = new AtomicBoolean();

    /** Reads the environ before the application can change it. */
    ResponseState(Reporter reporter, Map<String, Object> environ) {
        this.reporter = reporter;
        String method = (String) environ.get("REQUEST_METHOD");
        this.head = "HEAD".equals(method);
        this.request = method + " " + Reporter.quote(environ.get("SCRIPT_NAME") + "" + environ.get("PATH_INFO"));
    }

    boolean started() {
        return started;
    }

    /** A (possibly replacing, with exc_info) status and header list was accepted. */
    void start(HeaderCheck.Head head) {
        started = true;
        status = head.status();
        contentLength = head.contentLength();
    }

    /** Counts bytes written or yielded; never more than the declared Content-Length. */
    void count(int bytes) {
        bodyBytes += bytes;
        if (contentLength != HeaderCheck.Head.NONE && bodyBytes > contentLength) {
            throw reporter.fail("body is longer than its Content-Length: " + bodyBytes + " > " + contentLength);
        }
    }

    /** The application's iterable is exhausted. */
    void ended() {
        if (!started) {
            throw reporter.fail("the body ended but start_response was never called");
        }
        if (contentLength != HeaderCheck.Head.NONE && bodyBytes < contentLength && !bodyless()) {
            throw reporter.fail("body is shorter than its Content-Length: " + bodyBytes + " < " + contentLength);
        }
    }

    /** Responses whose Content-Length describes a body that is not sent. */
    private boolean bodyless() {
        return head || status < 200 || status == 204 || status == 304;
    }
}
