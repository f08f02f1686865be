package dev.wsgiservlet.middleware;

import dev.wsgiservlet.StartResponse;
import dev.wsgiservlet.WsgiApplication;
import java.util.Map;

/** Placeholder until the lint middleware lands: passes through. */
public final class Lint implements WsgiApplication {
    private final WsgiApplication app;

    public Lint(WsgiApplication app) {
        this.app = app;
    }

    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
        return app.call(environ, startResponse);
    }
}
