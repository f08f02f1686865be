package dev.wsgiservlet;

import jakarta.servlet.ServletContext;
import java.io.Writer;

/**
 * {@code wsgi.errors}: text written by the application goes to the container log
 * ({@link ServletContext#log(String)}), one log record per line. A partial line is logged on
 * {@link #flush()}, and the servlet flushes at the end of every request.
 */
final class ContextLogWriter extends Writer {

    private final ServletContext context;
    private StringBuilder line;

    ContextLogWriter(ServletContext context) {
        this.context = context;
    }

    @Override
    public void write(char[] chars, int off, int len) {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (chars[i] == '\n') {
                buffer().append(chars, start, i - start);
                emit();
                start = i + 1;
            }
        }
        if (start < off + len) {
            buffer().append(chars, start, off + len - start);
        }
    }

    @Override
    public void flush() {
        if (line != null && line.length() > 0) {
            emit();
        }
    }

    @Override
    public void close() {
        flush();
    }

    private StringBuilder buffer() {
        if (line == null) {
            line = new StringBuilder(80);
        }
        return line;
    }

    private void emit() {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        context.log(line.substring(0, end));
        line.setLength(0);
    }
}
