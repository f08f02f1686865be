package dev.wsgiservlet;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One request through one application: call it, send what it returns, call {@code close()}, and
 * turn failures into a clean 500 (before the headers went out) or an aborted connection (after).
 */
final class Gateway {

    private static final Logger LOG = Logger.getLogger(WsgiServlet.class.getName());
    private static final String SENDFILE_SUPPORT = "org.apache.tomcat.sendfile.support";
    private static final String SENDFILE_FILENAME = "org.apache.tomcat.sendfile.filename";
    private static final String SENDFILE_START = "org.apache.tomcat.sendfile.start";
    private static final String SENDFILE_END = "org.apache.tomcat.sendfile.end";

    private final WsgiApplication application;
    private final EnvironBuilder environBuilder;
    private final ServletContext context;
    private final boolean debug;
    private final boolean chunkedHint;

    Gateway(WsgiApplication application, EnvironBuilder environBuilder, ServletContext context, boolean debug) {
        this.application = application;
        this.environBuilder = environBuilder;
        this.context = context;
        this.debug = debug;
        this.chunkedHint = ChunkedHint.neededBy(context.getServerInfo());
    }

    void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (RequestPath.hasEncodedSlash(request.getRequestURI())) {
            // Tomcat and Jetty refuse %2F by default before the servlet runs; Undertow passes it
            // on undecoded. Refused here too, so every container answers the same.
            answer(response, 400, "400 Bad Request: the path contains an encoded slash (%2F)\n",
                    !"HEAD".equals(request.getMethod()));
            return;
        }
        PrintWriter errors = new PrintWriter(new ContextLogWriter(context));
        WsgiResponse wsgi = new WsgiResponse(response, context, "HEAD".equals(request.getMethod()),
                chunkedHint && "HTTP/1.1".equals(request.getProtocol()));
        Iterable<byte[]> body = null;
        Iterator<byte[]> iterator = null;
        WsgiInput input = null;
        try {
            Map<String, Object> environ = environBuilder.build(request, response, errors);
            input = (WsgiInput) environ.get("wsgi.input");
            body = application.call(environ, wsgi);
            if (body == null) {
                throw new IllegalStateException("the application returned null instead of an iterable body");
            }
            if (body instanceof FileWrapper file && sendFile(file, wsgi, request)) {
                return;
            }
            iterator = body.iterator();
            if (body instanceof Collection<?> inMemory) {
                sendInMemory(iterator, inMemory.size(), wsgi);
            } else {
                sendStreaming(iterator, wsgi);
            }
        } catch (ClientDisconnectedException e) {
            LOG.log(Level.FINE, "client disconnected during " + request.getRequestURI(), e);
            throw (IOException) e.getCause();
        } catch (Throwable t) {
            rethrowIfFatal(t);
            IOException clientSide = input == null ? null : input.failure();
            if (clientSide != null) {
                requestBodyFailed(clientSide, t, request, response);
            } else {
                fail(t, wsgi, request, response);
            }
        } finally {
            close(body, iterator, request);
            errors.flush();
        }
    }

    /** A body the application holds in memory: written without a flush per block, its length computed. */
    private static void sendInMemory(Iterator<byte[]> blocks, int count, WsgiResponse wsgi) throws IOException {
        byte[][] all = new byte[count][];
        long length = 0;
        int n = 0;
        while (blocks.hasNext() && n < count) {
            byte[] block = requireBytes(blocks.next());
            all[n++] = block;
            length += block.length;
        }
        if (blocks.hasNext()) {
            throw new IllegalStateException("the body collection yielded more elements than its size()");
        }
        if (!wsgi.started()) {
            throw new IllegalStateException("start_response was not called before the body was returned");
        }
        if (!wsgi.writeUsed() && !wsgi.headersSent()) {
            wsgi.sendHeaders(length);
        }
        for (int i = 0; i < n; i++) {
            if (!wsgi.send(all[i], false)) {
                break;
            }
        }
        wsgi.finish(-1);
    }

    /**
     * A lazy body: each block is flushed before the next is asked for. Where no body may be sent
     * (HEAD, 204, 304) iteration stops once the first block has released the headers.
     */
    private static void sendStreaming(Iterator<byte[]> blocks, WsgiResponse wsgi) throws IOException {
        while (blocks.hasNext()) {
            if (!wsgi.send(requireBytes(blocks.next()), true)) {
                break;
            }
            if (wsgi.headersSent() && !wsgi.bodyAllowed()) {
                break;
            }
        }
        wsgi.finish(-1);
    }

    /**
     * Sends an unread file wrapper by the container's fast path: Tomcat's sendfile when the
     * connector offers it for a file with a path, else {@link WsgiResponse#transferFrom}.
     *
     * @return false when the wrapper is not over a file channel, and must be iterated instead
     */
    private static boolean sendFile(FileWrapper file, WsgiResponse wsgi, HttpServletRequest request) throws IOException {
        FileChannel channel = file.unreadChannel();
        if (channel == null || !wsgi.started() || wsgi.writeUsed()) {
            return false;
        }
        long position = channel.position();
        long size = channel.size();
        Path path = file.path();
        if (path == null && size == 0) {
            return false; // a pipe or a special file: its size says nothing, read it instead
        }
        long count = Math.max(0, size - position);
        long declared = wsgi.declaredLength();
        long toSend = declared >= 0 ? Math.min(count, declared) : count;
        // Sendfile cannot fall short of a declared length; a file shorter than that goes the slow
        // way, which notices the short body and aborts.
        boolean fitsDeclared = declared < 0 || declared <= count;
        if (path != null && wsgi.bodyAllowed() && toSend > 0 && fitsDeclared
                && Boolean.TRUE.equals(request.getAttribute(SENDFILE_SUPPORT))) {
            wsgi.sendHeaders(toSend);
            request.setAttribute(SENDFILE_FILENAME, path.toAbsolutePath().toString());
            request.setAttribute(SENDFILE_START, position);
            request.setAttribute(SENDFILE_END, position + toSend);
            wsgi.sentByContainer(toSend);
        } else {
            wsgi.transferFrom(channel, position, count);
        }
        wsgi.finish(-1);
        return true;
    }

    /**
     * The request body could not be read: the client went away or sent less than it declared.
     * Not an application error, so no stack trace in the log. A client still listening gets a
     * 400, unless the container took the exchange over when the read failed (Tomcat does).
     */
    private static void requestBodyFailed(IOException cause, Throwable error, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        LOG.log(Level.FINE, "reading the request body failed: " + request.getMethod() + " "
                + request.getRequestURI() + "; the application then raised " + error, cause);
        if (response.isCommitted()) {
            return; // the container saw the failure itself and ends the exchange (Tomcat: a 400)
        }
        answer(response, 400, "400 Bad Request: the request body could not be read to its end\n", true);
    }

    private void fail(Throwable error, WsgiResponse wsgi, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String where = request.getMethod() + " " + request.getRequestURI();
        if (response.isCommitted()) {
            context.log("wsgi-servlet: application error after the response "
                    + (wsgi.headersSent() ? "headers were sent" : "was committed by the container")
                    + ", aborting the connection: " + where, error);
            ConnectionAbort.closeConnection(response);
            throw new ResponseAbortedException(error);
        }
        context.log("wsgi-servlet: application error: " + where, error);
        String body = "500 Internal Server Error\n";
        if (debug) {
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            body += "\n" + trace;
        }
        answer(response, 500, body, !"HEAD".equals(request.getMethod()));
    }

    /** Replaces whatever the application had set with a plain-text answer of the server's own. */
    private static void answer(HttpServletResponse response, int status, String text, boolean withBody)
            throws IOException {
        response.reset();
        response.setStatus(status);
        response.setContentType("text/plain; charset=utf-8");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        if (withBody) {
            response.getOutputStream().write(bytes);
        }
    }

    /** Errors the JVM cannot recover from pass through; a stack overflow in the application does not count. */
    private static void rethrowIfFatal(Throwable t) {
        if (t instanceof VirtualMachineError vm && !(t instanceof StackOverflowError)) {
            throw vm;
        }
    }

    /** WSGI's close(): the iterable's if it has one, else its iterator's. Exactly once. */
    private void close(Iterable<byte[]> body, Iterator<byte[]> iterator, HttpServletRequest request) {
        AutoCloseable closeable = body instanceof AutoCloseable c ? c
                : iterator instanceof AutoCloseable c ? c : null;
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Throwable t) {
            rethrowIfFatal(t);
            context.log("wsgi-servlet: close() of the application's body failed: "
                    + request.getMethod() + " " + request.getRequestURI(), t);
        }
    }

    private static byte[] requireBytes(byte[] block) {
        if (block == null) {
            throw new IllegalStateException("the application yielded null instead of a byte[] block");
        }
        return block;
    }
}
