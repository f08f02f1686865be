package dev.wsgiservlet;

import java.io.IOException;

/**
 * Thrown out of {@code service()} when a response fails after its headers were sent. The
 * container then closes the connection instead of ending the response cleanly, so the client
 * never mistakes a broken body for a complete one. The cause was already logged with its stack
 * trace; this exception carries none of its own to keep the container's log line short.
 */
final class ResponseAbortedException extends IOException {

    private static final long serialVersionUID = 1L;

    ResponseAbortedException(Throwable cause) {
        super("response aborted after its headers were sent: " + cause, null);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
