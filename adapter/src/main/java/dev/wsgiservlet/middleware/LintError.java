package dev.wsgiservlet.middleware;

/**
 * A break of the WSGI contract found by {@link Lint}, by the application or by the server. The
 * message names the rule broken, for example
 * {@code "start_response was not called before the first body block"}.
 */
public class LintError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message the rule broken, and the offending value where there is one */
    public LintError(String message) {
        super(message);
    }
}
