package dev.wsgiservlet.conformance.harness;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what is logged through {@code java.util.logging} (where embedded Tomcat's and Jetty's
 * logs end up) as text: one line per record, {@code LEVEL logger: message}, then the stack trace
 * of the record's throwable if any.
 */
public final class CapturingLogHandler extends Handler implements ServerLog {

    private final StringBuilder text = new StringBuilder();
    private final List<String> records = new ArrayList<>();
    private String startup = "";

    /** Installs a new handler on the root logger. */
    public static CapturingLogHandler install() {
        CapturingLogHandler handler = new CapturingLogHandler();
        handler.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(handler);
        return handler;
    }

    /** Marks the end of start-up: what was logged until now is {@link #startupText()}. */
    public synchronized void startupDone() {
        startup = text.toString();
    }

    /** Removes this handler from the root logger. */
    public void uninstall() {
        Logger.getLogger("").removeHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        StringBuilder line = new StringBuilder()
                .append(record.getLevel().getName()).append(' ')
                .append(record.getLoggerName()).append(": ")
                .append(record.getMessage() == null ? "" : formatMessageSafely(record)).append('\n');
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(trace);
        }
        synchronized (this) {
            text.append(line);
            records.add(line.toString());
        }
    }

    private static String formatMessageSafely(LogRecord record) {
        try {
            return new java.util.logging.SimpleFormatter().formatMessage(record);
        } catch (RuntimeException e) {
            return record.getMessage();
        }
    }

    @Override
    public synchronized String text() {
        return text.toString();
    }

    /** Each record so far as text (its message and stack trace). */
    public synchronized List<String> records() {
        return List.copyOf(records);
    }

    @Override
    public synchronized String startupText() {
        return startup;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
