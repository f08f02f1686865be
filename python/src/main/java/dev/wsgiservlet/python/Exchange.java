package dev.wsgiservlet.python;

import dev.wsgiservlet.Header;
import dev.wsgiservlet.StartResponse;
import dev.wsgiservlet.Write;
import dev.wsgiservlet.WsgiInput;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * One request as the Python gateway sees it: the Java environ split for conversion, and the
 * callables behind start_response, write, wsgi.input and wsgi.errors.
 *
 * <p>Bytes cross in bulk: Python bytes reach Java as buffers ({@code Value.as(byte[].class)}
 * copies them at once), and request body bytes reach Python as latin-1 strings, which Python
 * encodes back to bytes in one copy. Nothing is converted byte by byte.
 */
final class Exchange {

    /** Entries the gateway makes itself, as Python objects. */
    private static final List<String> REPLACED = List.of("wsgi.input", "wsgi.errors", "wsgi.file_wrapper", "wsgi.version");
    /** The gateway's start() answer that means: re-raise exc_info, the headers are gone. */
    private static final Object RERAISE = Boolean.TRUE;

    private final Map<String, Object> environ;
    private final StartResponse startResponse;
    private final WsgiInput input;
    private final Writer errors;
    private final Throwable excInfoMarker = new ExcInfoMarker();
    private Write coreWrite;
    private boolean bodyStarted;

    final ProxyExecutable read = args -> latin1(readBody(args[0].asInt()));
    final ProxyExecutable readline = args -> latin1(readLine(args[0].asInt()));
    final ProxyExecutable log = args -> log(args[0].asString());
    final ProxyExecutable flush = args -> flushLog();
    final ProxyExecutable start = args -> start(args[0].asString(), args[1], args[2], args[3].asBoolean());
    final ProxyExecutable write = args -> write(args[0]);
    final ProxyExecutable headersSent = args -> bodyStarted;

    Exchange(Map<String, Object> environ, StartResponse startResponse) {
        this.environ = environ;
        this.startResponse = startResponse;
        this.input = input(environ.get("wsgi.input"));
        this.errors = errors(environ.get("wsgi.errors"));
    }

    /** The str entries of the environ: key, value, key, value... */
    String[] strings() {
        List<String> out = new ArrayList<>(environ.size() * 2);
        environ.forEach((key, value) -> {
            if (value instanceof String s && !REPLACED.contains(key)) {
                out.add(key);
                out.add(s);
            }
        });
        return out.toArray(new String[0]);
    }

    /** The other entries (booleans, numbers, servlet objects): key, value, key, value... */
    Object[] objects() {
        List<Object> out = new ArrayList<>();
        environ.forEach((key, value) -> {
            if (!(value instanceof String) && !REPLACED.contains(key)) {
                out.add(key);
                out.add(value);
            }
        });
        return out.toArray();
    }

    /** A non-empty block went to the server: it has sent the status and headers. */
    void bodyStarted() {
        bodyStarted = true;
    }

    private static WsgiInput input(Object value) {
        if (value instanceof WsgiInput wsgiInput) {
            return wsgiInput;
        }
        if (value instanceof InputStream stream) {
            return new WsgiInput(stream, -1); // a Java middleware replaced it: read it to its end
        }
        return new WsgiInput(InputStream.nullInputStream(), 0);
    }

    private static Writer errors(Object value) {
        if (value instanceof Writer writer) {
            return writer;
        }
        if (value instanceof OutputStream stream) {
            return new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        }
        throw new IllegalStateException("wsgi.errors must be a java.io.Writer, not " + value);
    }

    private byte[] readBody(int size) {
        try {
            return size < 0 ? input.readAllBytes() : input.readNBytes(size);
        } catch (java.io.IOException e) {
            throw Sneaky.raise(e);
        }
    }

    private byte[] readLine(int limit) {
        try {
            return input.readline(limit);
        } catch (java.io.IOException e) {
            throw Sneaky.raise(e);
        }
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private Object log(String text) {
        try {
            errors.write(text);
        } catch (java.io.IOException e) {
            throw Sneaky.raise(e);
        }
        return null;
    }

    private Object flushLog() {
        try {
            errors.flush();
        } catch (java.io.IOException e) {
            throw Sneaky.raise(e);
        }
        return null;
    }

    /**
     * The server's start_response, after the gateway checked the Python types.
     *
     * @return null when done, {@link #RERAISE} when the headers were already sent (the gateway
     *     re-raises exc_info), or the message of a rule the status or a header breaks (the gateway
     *     raises ValueError with it)
     */
    private Object start(String status, Value names, Value values, boolean withExcInfo) {
        int count = (int) names.getArraySize();
        List<Header> headers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            headers.add(new Header(names.getArrayElement(i).asString(), values.getArrayElement(i).asString()));
        }
        try {
            coreWrite = startResponse.call(status, headers, withExcInfo ? excInfoMarker : null);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        } catch (Throwable t) {
            if (t == excInfoMarker) {
                return RERAISE;
            }
            throw Sneaky.raise(t);
        }
    }

    private Object write(Value data) {
        byte[] bytes = data.as(byte[].class);
        if (bytes.length > 0) {
            bodyStarted = true;
        }
        try {
            coreWrite.write(bytes);
        } catch (java.io.IOException e) {
            throw Sneaky.raise(e);
        }
        return null;
    }

    /**
     * Stands for the Python exc_info in the server's start_response: the server throws it back
     * when the headers are gone, and the gateway then re-raises the Python exception itself.
     */
    private static final class ExcInfoMarker extends Exception {
        private static final long serialVersionUID = 1L;

        ExcInfoMarker() {
            super("exc_info given to start_response", null, false, false);
        }
    }
}
