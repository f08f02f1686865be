package dev.wsgiservlet;

import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Map;
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
 * Building environ: a browser's request (13 headers, a query string, a percent-encoded UTF-8
 * path under a context and servlet path) and wrk's minimal one; and the path split alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EnvironBenchmark {

    private final ServletContext context = Unsupported.instance(ServletContext.class);
    private final EnvironBuilder builder = new EnvironBuilder(Map.of(), false, false);
    private final SyntheticRequest browser = SyntheticRequest.browserGet(context);
    private final SyntheticRequest wrk = SyntheticRequest.wrkGet(context, "/hello");
    private final SyntheticResponse response = new SyntheticResponse();
    private final PrintWriter errors = new PrintWriter(Writer.nullWriter());

    @Benchmark
    public Map<String, Object> browserRequest() throws IOException {
        return builder.build(browser, response, errors);
    }

    @Benchmark
    public Map<String, Object> wrkRequest() throws IOException {
        return builder.build(wrk, response, errors);
    }

    @Benchmark
    public RequestPath encodedPath() {
        return RequestPath.of(browser);
    }
}
