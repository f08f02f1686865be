package dev.wsgiservlet;

/** The body ended before the Content-Length that the application declared. */
final class ShortBodyException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    ShortBodyException(String message) {
        super(message);
    }
}
