package dev.wsgiservlet;

import java.util.Map;

/**
 * A WSGI application: PEP 3333's {@code application(environ, start_response)} in Java.
 *
 * <p>The returned blocks are sent in order. If the returned {@code Iterable} (or, failing that, its
 * iterator) implements {@link AutoCloseable}, its {@code close()} is WSGI's {@code close()} and the
 * server calls it exactly once, however the request ends.
 */
@FunctionalInterface
public interface WsgiApplication {

    /**
     * Handles one request.
     *
     * @param environ a fresh, mutable map of CGI variables and {@code wsgi.*} entries
     * @param startResponse begins the response; must be called before the first non-empty block
     * @return the body as blocks of bytes; never {@code null}
     */
    Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception;
}
