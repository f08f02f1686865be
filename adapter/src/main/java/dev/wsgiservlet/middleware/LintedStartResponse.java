package dev.wsgiservlet.middleware;

import dev.wsgiservlet.Header;
import dev.wsgiservlet.StartResponse;
import dev.wsgiservlet.Write;
import java.util.List;

/** Checks what the application passes to {@code start_response} and to {@code write()}, then forwards it unchanged. */
final class LintedStartResponse implements StartResponse {

    private final StartResponse server;
    private final ResponseState state;

    LintedStartResponse(StartResponse server, ResponseState state) {
        this.server = server;
        this.state = state;
    }

    @Override
    public Write call(String status, List<Header> headers, Throwable excInfo) throws Exception {
        Reporter reporter = state.reporter;
        if (state.started() && excInfo == null) {
            throw reporter.fail("start_response called a second time without excInfo");
        }
        HeaderCheck.Head head = HeaderCheck.check(status, headers, reporter);
        Write write = server.call(status, headers, excInfo);
        if (write == null) {
            throw reporter.fail("start_response returned null instead of a write() callable");
        }
        state.start(head);
        return data -> {
            if (data == null) {
                throw reporter.fail("write() was given null instead of bytes");
            }
            if (state.closed.get()) {
                throw reporter.fail("write() called after close()");
            }
            state.count(data.length);
            write.write(data);
        };
    }
}
