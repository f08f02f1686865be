package dev.wsgiservlet.python;

import jakarta.servlet.ServletContext;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

/** Sends the polyglot engine's own log (Truffle and GraalPy messages) to the container log. */
final class ContainerLogHandler extends Handler {

    private final ServletContext log;
    private final SimpleFormatter formatter = new SimpleFormatter();

    ContainerLogHandler(ServletContext log) {
        this.log = log;
    }

    @Override
    public void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        String message = "wsgi-servlet-python: [" + record.getLoggerName() + "] " + record.getLevel() + ": "
                + formatter.formatMessage(record);
        if (record.getThrown() != null) {
            log.log(message, record.getThrown());
        } else {
            log.log(message);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
