package dev.wsgiservlet.python.harness;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Collects what is logged through {@code java.util.logging} (where embedded Tomcat's container
 * log, and so the ServletContext log, ends up) as text: {@code LEVEL logger: message} and the
 * stack trace of the record's throwable, as the container would print it.
 */
public final class LogCapture extends Handler {

    private final StringBuilder text = new StringBuilder();

    public static LogCapture install() {
        LogCapture capture = new LogCapture();
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    public void uninstall() {
        Logger.getLogger("").removeHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        StringBuilder line = new StringBuilder().append(record.getLevel().getName()).append(' ')
                .append(record.getLoggerName()).append(": ").append(new SimpleFormatter().formatMessage(record))
                .append('\n');
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(trace);
        }
        synchronized (this) {
            text.append(line);
        }
    }

    public synchronized String text() {
        return text.toString();
    }

    /** What was logged from {@code offset} on (an earlier {@link #length()}). */
    public synchronized String since(int offset) {
        return text.substring(Math.min(offset, text.length()));
    }

    public synchronized int length() {
        return text.length();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
