package dev.wsgiservlet.middleware;

import dev.wsgiservlet.StartResponse;
import dev.wsgiservlet.WsgiApplication;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/**
 * Checks both sides of the WSGI contract around an application, as Python's
 * {@code wsgiref.validate} does, plus what it misses: hop-by-hop headers, the ISO-8859-1 range,
 * Content-Length overruns and shortfalls, and {@code close()} called exactly once.
 *
 * <p>A broken rule throws {@link LintError} and is written as one line, prefixed
 * {@code "wsgi-servlet lint: "}, to {@code wsgi.errors}. An iterable the server never closes is
 * reported to the {@code java.util.logging} logger named after this class, on a later request
 * once the garbage collector has found it. A conforming application runs unchanged: same status, headers and bytes.
 *
 * <p>The body handed to the server is a wrapper, so a server cannot see that the application
 * returned a {@link dev.wsgiservlet.FileWrapper} (it is iterated instead of sent by sendfile); a
 * {@link Collection} body stays a {@code Collection} of the same size.
 */
public final class Lint implements WsgiApplication {

    private final WsgiApplication app;
    private final LeakWatch leaks = new LeakWatch();

    /** @param app the application to check */
    public Lint(WsgiApplication app) {
        this.app = Objects.requireNonNull(app, "app");
    }

    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
        leaks.drain();
        Reporter reporter = Reporter.of(environ);
        EnvironCheck.check(environ, reporter);
        if (startResponse == null) {
            throw reporter.fail("start_response is null");
        }
        ResponseState state = new ResponseState(reporter, environ);
        Iterable<byte[]> body = app.call(environ, new LintedStartResponse(startResponse, state));
        if (body == null) {
            throw reporter.fail("the application returned null instead of an iterable");
        }
        LintedBody linted = new LintedBody(body, state, leaks);
        if (body instanceof Collection<byte[]> collection) {
            return new LintedCollection(collection, linted);
        }
        return linted;
    }
}
