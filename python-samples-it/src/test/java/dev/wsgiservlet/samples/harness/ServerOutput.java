package dev.wsgiservlet.samples.harness;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Everything the server process says while a test runs: the records logged through
 * {@code java.util.logging} (embedded Tomcat's log, {@code ServletContext.log}, so
 * {@code wsgi.errors}) and what is written to {@code System.out} and {@code System.err} (where a
 * Python context's own output may go), each still passed on to where it went before.
 */
public final class ServerOutput extends Handler {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;

    private ServerOutput() {
    }

    /** Starts capturing; {@link #uninstall()} stops. */
    public static ServerOutput install() {
        ServerOutput output = new ServerOutput();
        output.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(output);
        System.setOut(new PrintStream(output.tee(output.originalOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(output.tee(output.originalErr), true, StandardCharsets.UTF_8));
        return output;
    }

    /** Stops capturing and puts the standard streams back. */
    public void uninstall() {
        Logger.getLogger("").removeHandler(this);
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    /** Everything captured so far, decoded as UTF-8. */
    public String text() {
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void publish(LogRecord record) {
        StringWriter line = new StringWriter();
        line.append(record.getLevel().getName()).append(' ').append(record.getLoggerName()).append(": ")
                .append(new SimpleFormatter().formatMessage(record)).append('\n');
        if (record.getThrown() != null) {
            record.getThrown().printStackTrace(new PrintWriter(line));
        }
        append(line.toString().getBytes(StandardCharsets.UTF_8), 0, -1);
    }

    private OutputStream tee(PrintStream original) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                original.write(bytes, offset, length);
                append(bytes, offset, length);
            }

            @Override
            public void flush() {
                original.flush();
            }
        };
    }

    private void append(byte[] bytes, int offset, int length) {
        synchronized (captured) {
            captured.write(bytes, offset, length < 0 ? bytes.length : length);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
