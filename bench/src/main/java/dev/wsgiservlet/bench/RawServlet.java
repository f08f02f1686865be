package dev.wsgiservlet.bench;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;

/**
 * The baseline: a hand-written servlet doing what {@link BenchApp} does, with nothing in between.
 * {@code /hello-environ} also copies into a map everything the adapter reads from the request to
 * build environ, so that the cost of the WSGI contract's data can be told from the adapter's own.
 */
public final class RawServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if ("/hello".equals(path)) {
            send(response, "text/plain", Payloads.HELLO);
        } else if ("/hello-environ".equals(path)) {
            response.setHeader("X-Request-Fields", Integer.toString(requestFields(request).size()));
            send(response, "text/plain", Payloads.HELLO);
        } else if ("/64k".equals(path)) {
            send(response, "application/octet-stream", Payloads.BODY_64K);
        } else if ("/stream".equals(path)) {
            response.setContentType("application/octet-stream");
            ServletOutputStream out = response.getOutputStream();
            for (int i = 0; i < Payloads.STREAM_BLOCKS; i++) {
                out.write(Payloads.STREAM_BLOCK);
                out.flush();
            }
        } else {
            response.sendError(404);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/upload".equals(request.getPathInfo())) {
            response.sendError(404);
            return;
        }
        long received = BenchApp.drain(request.getInputStream());
        send(response, "text/plain", ("received " + received + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** What EnvironBuilder asks the servlet API for, kept in a map of the same size, without any WSGI rule. */
    private static Map<String, Object> requestFields(HttpServletRequest request) throws IOException {
        Map<String, Object> fields = new HashMap<>(64);
        fields.put("method", request.getMethod());
        fields.put("uri", request.getRequestURI());
        fields.put("contextPath", request.getContextPath());
        fields.put("servletPath", request.getServletPath());
        fields.put("mapping", request.getHttpServletMapping().getMappingMatch());
        fields.put("query", String.valueOf(request.getQueryString()));
        fields.put("serverName", request.getServerName());
        fields.put("serverPort", request.getServerPort());
        fields.put("protocol", request.getProtocol());
        fields.put("remoteAddr", request.getRemoteAddr());
        fields.put("remotePort", request.getRemotePort());
        fields.put("remoteUser", String.valueOf(request.getRemoteUser()));
        fields.put("authType", String.valueOf(request.getAuthType()));
        fields.put("secure", request.isSecure());
        fields.put("scheme", request.getScheme());
        fields.put("input", request.getInputStream());
        fields.put("contentLength", request.getContentLengthLong());
        fields.put("context", request.getServletContext());
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements();) {
            String name = names.nextElement();
            fields.put(name, String.join(",", Collections.list(request.getHeaders(name))));
        }
        return fields;
    }

    private static void send(HttpServletResponse response, String contentType, byte[] body) throws IOException {
        response.setContentType(contentType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
