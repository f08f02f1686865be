package dev.wsgiservlet;

import dev.wsgiservlet.bench.BenchApp;
import dev.wsgiservlet.bench.RawServlet;
import jakarta.servlet.ServletContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole request through the adapter (environ, the application, start_response, the body
 * written to a discarding stream, close) against the same request through {@link RawServlet}:
 * the difference is what the adapter costs per request, without the network.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GatewayBenchmark {

    /** hello: 13 bytes in a list; 64k: one 64 KiB block; stream: ten 4 KiB blocks, each flushed. */
    @Param({"hello", "64k", "stream"})
    public String route;

    private final ServletContext context = Unsupported.instance(ServletContext.class);
    private final Gateway gateway = new Gateway(new BenchApp(Path.of("unused")),
            new EnvironBuilder(Map.of(), false, false), context, false);
    private final RawServlet raw = new RawServlet();
    private final SyntheticResponse response = new SyntheticResponse();
    private SyntheticRequest request;

    @Setup
    public void setUp() {
        request = SyntheticRequest.wrkGet(context, "/" + route);
    }

    @Benchmark
    public long wsgi() throws Exception {
        response.recycle();
        gateway.serve(request, response);
        return response.outcome();
    }

    @Benchmark
    public long raw() throws Exception {
        response.recycle();
        raw.service(request, response);
        return response.outcome();
    }
}
