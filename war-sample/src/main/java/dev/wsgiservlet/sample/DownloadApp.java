package dev.wsgiservlet.sample;

import dev.wsgiservlet.Environ;
import dev.wsgiservlet.FileWrapper;
import dev.wsgiservlet.Header;
import dev.wsgiservlet.StartResponse;
import dev.wsgiservlet.WsgiApplication;
import jakarta.servlet.ServletContext;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Offers a file shipped in the WAR ({@code /WEB-INF/files/sample.txt}) as a download, through
 * {@code wsgi.file_wrapper}. Mounted at {@code /download}.
 */
public final class DownloadApp implements WsgiApplication {

    static final String RESOURCE = "/WEB-INF/files/sample.txt";
    static final String FILENAME = "sample.txt";
    private static final int BLOCK_SIZE = 8 * 1024;

    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
        String method = (String) environ.get("REQUEST_METHOD");
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Responses.methodNotAllowed(environ, startResponse, "GET, HEAD");
        }
        String path = (String) environ.get("PATH_INFO");
        if (!path.isEmpty() && !path.equals("/") && !path.equals("/" + FILENAME)) {
            return Responses.error(environ, startResponse, "404 Not Found", "There is only " + FILENAME + " here.");
        }
        ServletContext context = (ServletContext) environ.get("servlet.context");
        FileWrapper.Factory fileWrapper = Environ.fileWrapper(environ);
        FileWrapper file;
        long length;
        String realPath = context.getRealPath(RESOURCE);
        if (realPath != null && Files.isRegularFile(Path.of(realPath))) {
            // An unpacked WAR: a Path lets the server send the file without copying it.
            Path p = Path.of(realPath);
            length = Files.size(p);
            file = fileWrapper.wrap(p, BLOCK_SIZE);
        } else {
            // A packed WAR: the file is only a stream out of the archive.
            URL url = context.getResource(RESOURCE);
            if (url == null) {
                return Responses.error(environ, startResponse, "404 Not Found", FILENAME + " is missing from the WAR.");
            }
            URLConnection connection = url.openConnection();
            // A cached jar connection would keep the WAR open after the download.
            connection.setUseCaches(false);
            length = connection.getContentLengthLong();
            file = fileWrapper.wrap(connection.getInputStream(), BLOCK_SIZE);
        }
        List<Header> headers = new ArrayList<>(List.of(
                new Header("Content-Type", Responses.TEXT),
                new Header("Content-Disposition", "attachment; filename=\"" + FILENAME + "\"")));
        if (length >= 0) {
            headers.add(new Header("Content-Length", Long.toString(length)));
        }
        try {
            startResponse.call("200 OK", headers);
        } catch (Exception | Error e) {
            file.close();
            throw e;
        }
        return file;
    }
}
