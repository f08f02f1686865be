package dev.wsgiservlet.sample;

import dev.wsgiservlet.Environ;
import dev.wsgiservlet.StartResponse;
import dev.wsgiservlet.WsgiApplication;
import java.io.InputStream;
import java.util.Map;

/**
 * Receives a file, from an HTML form ({@code multipart/form-data}) or as the raw request body, and
 * reports its size and SHA-256. The body is streamed through the digest, never held in memory.
 *
 * <p>The answer is JSON for a raw upload or when the client accepts {@code application/json},
 * otherwise an HTML page.
 */
final class UploadPage implements WsgiApplication {

    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
        if (!environ.get("REQUEST_METHOD").equals("POST")) {
            return Responses.methodNotAllowed(environ, startResponse, "POST");
        }
        String contentType = (String) environ.get("CONTENT_TYPE");
        InputStream input = Environ.input(environ);
        if (!HeaderValue.mediaType(contentType).equals("multipart/form-data")) {
            UploadSummary raw = UploadSummary.read(null, contentType, input);
            return Responses.json(startResponse, "200 OK", raw.toJson());
        }
        boolean json = Environ.get(environ, "HTTP_ACCEPT", "").contains("application/json");
        String boundary = MultipartReader.boundary(contentType);
        if (boundary == null) {
            return badRequest(environ, startResponse, json, "The multipart body has no boundary.");
        }
        UploadSummary file;
        try {
            file = firstFile(new MultipartReader(input, boundary));
        } catch (MultipartException e) {
            return badRequest(environ, startResponse, json, "Malformed multipart body: " + e.getMessage());
        }
        if (file == null) {
            return badRequest(environ, startResponse, json, "Choose a file to upload.");
        }
        if (json) {
            return Responses.json(startResponse, "200 OK", file.toJson());
        }
        String body = "<table>\n"
                + "<tr><th>File</th><td>" + Html.escape(file.filename()) + "</td></tr>\n"
                + "<tr><th>Type</th><td>" + Html.escape(file.contentType()) + "</td></tr>\n"
                + "<tr><th>Size</th><td>" + file.size() + " bytes</td></tr>\n"
                + "<tr><th>SHA-256</th><td>" + file.sha256() + "</td></tr>\n"
                + "</table>\n<p><a href=\"" + Html.escape(Links.href(environ, "/")) + "\">Back</a></p>\n";
        return Responses.html(startResponse, "200 OK", "Upload received", body);
    }

    /**
     * Summarises the first part that carries a file and reads the body to its closing delimiter,
     * so that a truncated body is reported instead of passing as a complete upload.
     */
    private static UploadSummary firstFile(MultipartReader reader) throws Exception {
        UploadSummary file = null;
        for (MultipartReader.Part part = reader.next(); part != null; part = reader.next()) {
            String filename = part.filename();
            // A browser sends an empty file name when no file was chosen.
            if (file == null && filename != null && !filename.isEmpty()) {
                file = UploadSummary.read(baseName(filename), part.contentType(), part.body());
            }
        }
        return file;
    }

    /** Old browsers sent the client's whole path; only its last segment is the name. */
    private static String baseName(String filename) {
        return filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
    }

    private static Iterable<byte[]> badRequest(Map<String, Object> environ, StartResponse startResponse,
            boolean json, String message) throws Exception {
        if (json) {
            return Responses.json(startResponse, "400 Bad Request", Map.of("error", message));
        }
        return Responses.error(environ, startResponse, "400 Bad Request", message);
    }
}
