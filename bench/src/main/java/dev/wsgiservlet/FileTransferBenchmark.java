package dev.wsgiservlet;

import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A {@code wsgi.file_wrapper} response where the container offers no sendfile (Jetty, TLS, or a
 * wrapper over a bare channel): the file, in the page cache, copied through the adapter into a
 * discarding servlet stream. Measures the adapter's copy, without the network.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FileTransferBenchmark {

    @Param({"16384", "1048576"})
    public int size;

    private final ServletContext context = Unsupported.instance(ServletContext.class);
    private final SyntheticResponse response = new SyntheticResponse();
    private Path file;
    private Gateway gateway;
    private SyntheticRequest request;

    @Setup
    public void setUp() throws IOException {
        file = Files.createTempFile("wsgi-servlet-bench-", ".bin");
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        Files.write(file, data);
        List<Header> headers = List.of(new Header("Content-Type", "application/octet-stream"));
        gateway = new Gateway((environ, startResponse) -> {
            startResponse.call("200 OK", headers);
            return Environ.fileWrapper(environ).wrap(file, 0);
        }, new EnvironBuilder(Map.of(), false, false), context, false);
        request = SyntheticRequest.wrkGet(context, "/file");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public long copy() throws Exception {
        response.recycle();
        gateway.serve(request, response);
        return response.outcome();
    }
}
