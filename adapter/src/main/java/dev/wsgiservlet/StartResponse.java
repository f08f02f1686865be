package dev.wsgiservlet;

import java.util.List;

/**
 * PEP 3333's {@code start_response(status, response_headers, exc_info=None)}.
 *
 * <p>It validates and records the status and headers; they are sent with the first non-empty body
 * block, or when the body ends empty. A malformed status or header makes it throw
 * {@link IllegalArgumentException} at once. Calling it a second time is only allowed with an
 * {@code excInfo}: before anything was sent that replaces the pending status and headers; after,
 * it rethrows {@code excInfo}.
 */
@FunctionalInterface
public interface StartResponse {

    /**
     * Starts the response.
     *
     * @param status {@code "NNN Reason"}, for example {@code "200 OK"}
     * @param headers the response headers, in order
     * @param excInfo the error being handled, or {@code null}
     * @return the deprecated {@code write()} callable
     */
    Write call(String status, List<Header> headers, Throwable excInfo) throws Exception;

    /** {@code start_response(status, headers)} without {@code exc_info}. */
    default Write call(String status, List<Header> headers) throws Exception {
        return call(status, headers, null);
    }
}
