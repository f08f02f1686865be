package dev.wsgiservlet;

import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code start_response}: checking a status and seven typical response headers (one of them
 * Content-Length), then handing them to the container.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StartResponseBenchmark {

    private static final List<Header> HEADERS = List.of(
            new Header("Content-Type", "text/html; charset=utf-8"),
            new Header("Content-Length", "5120"),
            new Header("Cache-Control", "private, max-age=0, must-revalidate"),
            new Header("Set-Cookie", "session=7f3a9c2e4b1d8f60; Path=/; HttpOnly; SameSite=Lax"),
            new Header("ETag", "\"5d8c72a5edda8d6a\""),
            new Header("Vary", "Accept-Encoding, Cookie"),
            new Header("X-Content-Type-Options", "nosniff"));

    private final ServletContext context = Unsupported.instance(ServletContext.class);
    private final SyntheticResponse response = new SyntheticResponse();

    @Benchmark
    public Write validate() throws Exception {
        return new WsgiResponse(response, context, false).call("200 OK", HEADERS, null);
    }

    @Benchmark
    public long validateAndSendHeaders() throws Exception {
        response.recycle();
        WsgiResponse wsgi = new WsgiResponse(response, context, false);
        wsgi.call("200 OK", HEADERS, null);
        wsgi.sendHeaders(-1);
        return response.outcome();
    }
}
