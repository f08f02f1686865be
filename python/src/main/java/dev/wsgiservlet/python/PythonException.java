package dev.wsgiservlet.python;

/**
 * An exception raised by Python code: the application, its body's iteration or its
 * {@code close()}. Its {@link #toString()} is the Python traceback, so that the container log
 * (and, with {@code debug} on, the 500 page) shows the Python frames rather than Java ones.
 */
public final class PythonException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String pythonType;
    private final String traceback;

    PythonException(String pythonType, String summary, String traceback) {
        super(summary, null, false, false);
        this.pythonType = pythonType;
        this.traceback = traceback;
    }

    /** The exception's Python class, for example {@code ValueError} or {@code django.http.Http404}. */
    public String pythonType() {
        return pythonType;
    }

    /** The formatted traceback, as Python's {@code traceback.format_exception} gives it. */
    public String traceback() {
        return traceback;
    }

    /** The traceback, without the trailing newline. */
    @Override
    public String toString() {
        return traceback.stripTrailing();
    }
}
