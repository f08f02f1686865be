package dev.wsgiservlet.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsgiservlet.Header;
import dev.wsgiservlet.StartResponse;
import dev.wsgiservlet.Write;
import dev.wsgiservlet.WsgiApplication;
import dev.wsgiservlet.WsgiInput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;

/** A valid environ, a recording start_response and the wsgi.errors log, for driving {@link Lint}. */
final class LintFixture {

    final StringWriter errors = new StringWriter();
    final Map<String, Object> environ = new HashMap<>();
    final Server server = new Server();

    LintFixture() {
        environ.put("REQUEST_METHOD", "GET");
        environ.put("SCRIPT_NAME", "/app");
        environ.put("PATH_INFO", "/hello");
        environ.put("QUERY_STRING", "");
        environ.put("SERVER_NAME", "localhost");
        environ.put("SERVER_PORT", "8080");
        environ.put("SERVER_PROTOCOL", "HTTP/1.1");
        environ.put("HTTP_HOST", "localhost:8080");
        environ.put("wsgi.version", List.of(1, 0));
        environ.put("wsgi.url_scheme", "http");
        environ.put("wsgi.input", new WsgiInput(new ByteArrayInputStream(new byte[0]), 0));
        environ.put("wsgi.errors", new PrintWriter(errors));
        environ.put("wsgi.multithread", Boolean.TRUE);
        environ.put("wsgi.multiprocess", Boolean.FALSE);
        environ.put("wsgi.run_once", Boolean.FALSE);
        environ.put("wsgi.input_terminated", Boolean.TRUE);
    }

    /** The server side of start_response: records what it was given and what was written. */
    static class Server implements StartResponse {
        String status;
        List<Header> headers;
        Throwable excInfo;
        int calls;
        final List<byte[]> written = new ArrayList<>();

        @Override
        public Write call(String status, List<Header> headers, Throwable excInfo) {
            this.status = status;
            this.headers = headers;
            this.excInfo = excInfo;
            calls++;
            return written::add;
        }
    }

    /** The wsgi.errors output so far. */
    String log() {
        return errors.toString();
    }

    Iterable<byte[]> call(WsgiApplication app) throws Exception {
        return new Lint(app).call(environ, server);
    }

    /** Iterates the body as a server does, closes it, and returns written + yielded bytes. */
    String drain(Iterable<byte[]> body) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (Iterator<byte[]> it = body.iterator(); it.hasNext(); ) {
                out.write(it.next());
            }
        } finally {
            ((AutoCloseable) body).close();
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] w : server.written) {
            all.write(w);
        }
        all.write(out.toByteArray());
        return all.toString(StandardCharsets.ISO_8859_1);
    }

    /** Runs the app through Lint and drains its body. */
    String run(WsgiApplication app) throws Exception {
        return drain(call(app));
    }

    /**
     * Asserts that {@code action} throws a LintError whose message contains {@code fragment}, and
     * that exactly that message was written to wsgi.errors as one prefixed line.
     */
    LintError expectLint(String fragment, Executable action) {
        LintError e = assertThrows(LintError.class, action);
        assertTrue(e.getMessage().contains(fragment), () -> "message '" + e.getMessage() + "' lacks '" + fragment + "'");
        assertEquals("wsgi-servlet lint: " + e.getMessage() + System.lineSeparator(), log());
        return e;
    }

    /** An application that starts a 200 response with the given headers and yields the blocks. */
    static WsgiApplication app(List<Header> headers, byte[]... blocks) {
        return (environ, startResponse) -> {
            startResponse.call("200 OK", headers);
            return List.of(blocks);
        };
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
