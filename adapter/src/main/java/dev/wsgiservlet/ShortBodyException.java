package dev.wsgiservlet;

/**
 * The body ended before the Content-Length that the application declared. The server's own
 * verdict, not a failure inside the application, so it carries no stack trace into the log.
 */
final class ShortBodyException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    ShortBodyException(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
