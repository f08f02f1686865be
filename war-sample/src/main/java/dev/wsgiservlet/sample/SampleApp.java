package dev.wsgiservlet.sample;

import dev.wsgiservlet.StartResponse;
import dev.wsgiservlet.WsgiApplication;
import dev.wsgiservlet.middleware.Dispatcher;
import java.util.Map;

/**
 * The sample application that web.xml names. It is three small WSGI applications composed with
 * {@link Dispatcher}: the JSON API at {@code /api}, the file download at {@code /download}, and
 * the HTML pages for every other path.
 *
 * <p>A mounted application sees its prefix moved from {@code PATH_INFO} to {@code SCRIPT_NAME}:
 * under {@code /war-sample}, a request for {@code /war-sample/api/info} reaches {@link ApiApp}
 * with {@code SCRIPT_NAME=/war-sample/api} and {@code PATH_INFO=/info}.
 */
public final class SampleApp implements WsgiApplication {

    private final WsgiApplication app = new Dispatcher(new Pages(), Map.of(
            "/api", new ApiApp(),
            "/download", new DownloadApp()));

    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
        return app.call(environ, startResponse);
    }
}
