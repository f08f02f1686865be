package dev.wsgiservlet.bench;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The baseline: a hand-written servlet doing what {@link BenchApp} does, with nothing in between. */
public final class RawServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if ("/hello".equals(path)) {
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

    private static void send(HttpServletResponse response, String contentType, byte[] body) throws IOException {
        response.setContentType(contentType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
