package dev.wsgiservlet.sample;

import dev.wsgiservlet.FileWrapper;
import dev.wsgiservlet.Header;
import dev.wsgiservlet.WsgiApplication;
import dev.wsgiservlet.WsgiInput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Calls a WSGI application in-process, as a server would, and keeps what it answered. */
final class WsgiCall {

    final Map<String, Object> environ = new HashMap<>();
    String status;
    List<Header> headers;
    byte[] body;
    boolean closed;

    WsgiCall(String method, String scriptName, String pathInfo) {
        environ.put("REQUEST_METHOD", method);
        environ.put("SCRIPT_NAME", scriptName);
        environ.put("PATH_INFO", pathInfo);
        environ.put("QUERY_STRING", "");
        environ.put("SERVER_NAME", "localhost");
        environ.put("SERVER_PORT", "8080");
        environ.put("SERVER_PROTOCOL", "HTTP/1.1");
        environ.put("HTTP_HOST", "localhost:8080");
        environ.put("wsgi.version", List.of(1, 0));
        environ.put("wsgi.url_scheme", "http");
        environ.put("wsgi.input", new WsgiInput(new ByteArrayInputStream(new byte[0]), 0));
        environ.put("wsgi.errors", new PrintWriter(new StringWriter()));
        environ.put("wsgi.multithread", true);
        environ.put("wsgi.multiprocess", false);
        environ.put("wsgi.run_once", false);
        environ.put("wsgi.input_terminated", true);
        environ.put("wsgi.file_wrapper", (FileWrapper.Factory) FileWrapper::of);
    }

    WsgiCall query(String query) {
        environ.put("QUERY_STRING", query);
        return this;
    }

    WsgiCall header(String cgiName, String value) {
        environ.put(cgiName, value);
        return this;
    }

    WsgiCall body(String contentType, byte[] content) {
        environ.put("CONTENT_TYPE", contentType);
        environ.put("CONTENT_LENGTH", Integer.toString(content.length));
        environ.put("wsgi.input", new WsgiInput(new ByteArrayInputStream(content), content.length));
        return this;
    }

    WsgiCall with(String key, Object value) {
        environ.put(key, value);
        return this;
    }

    /** Runs the application, reads the whole body and closes it. */
    WsgiCall run(WsgiApplication app) throws Exception {
        Iterable<byte[]> result = app.call(environ, (s, h, exc) -> {
            status = s;
            headers = new ArrayList<>(h);
            return data -> {
                throw new AssertionError("the sample never uses write()");
            };
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (byte[] block : result) {
                out.write(block);
            }
        } finally {
            if (result instanceof AutoCloseable c) {
                c.close();
                closed = true;
            }
        }
        body = out.toByteArray();
        return this;
    }

    String header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value)
                .findFirst().orElse(null);
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
