package dev.wsgiservlet.middleware;

import java.io.PrintWriter;
import java.util.Map;

/**
 * Turns a broken rule into a {@link LintError}, first writing it to {@code wsgi.errors}: an
 * application may catch the error and render a 500 page, and the log line is then all that is left.
 */
final class Reporter {

    static final String PREFIX = "wsgi-servlet lint: ";
    private static final int MAX_QUOTED = 120;

    private final PrintWriter errors;

    private Reporter(PrintWriter errors) {
        this.errors = errors;
    }

    /** A reporter writing to {@code environ["wsgi.errors"]} when that is a PrintWriter. */
    static Reporter of(Map<String, Object> environ) {
        Object errors = environ == null ? null : environ.get("wsgi.errors");
        return new Reporter(errors instanceof PrintWriter pw ? pw : null);
    }

    /** Logs the message and returns the error for the caller to throw. */
    LintError fail(String message) {
        if (errors != null) {
            errors.println(PREFIX + message);
            errors.flush();
        }
        return new LintError(message);
    }

    /**
     * A value from the application or the server, quoted so that the message stays one ASCII line
     * whatever the value holds (a CR/LF in a header is exactly what gets reported).
     */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_QUOTED) + 8).append('\'');
        for (int i = 0; i < s.length(); i++) {
            if (i == MAX_QUOTED) {
                out.append("...");
                break;
            }
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('\'').toString();
    }

    /** {@code U+000A}. */
    static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }

    /** The class of a value of the wrong type, for messages. */
    static String typeOf(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }
}
