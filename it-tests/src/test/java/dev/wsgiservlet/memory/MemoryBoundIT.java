package dev.wsgiservlet.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wsgiservlet.fixtures.PatternBlocks;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A 2 GiB upload read through {@code wsgi.input} and a 2 GiB download made by a generator, both at
 * once, through a server whose whole heap is 64 MiB: both arrive with the right SHA-256, and the
 * server never runs out of memory. The server is the launcher jar ({@code java -Xmx64m -jar}) in
 * a child process serving the {@code conformance-memory} WAR; the client streams too, holding one
 * 64 KiB block at a time.
 */
class MemoryBoundIT {

    private static final long SIZE = 2L * 1024 * 1024 * 1024;
    private static final String HEAP = "-Xmx64m";
    private static final Pattern SERVING = Pattern.compile("Serving .* at http://[^/]+:(\\d+)/");
    private static final long TRANSFER_MINUTES = 10;

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void twoGibibytesUpAndDownAtOnceThroughA64MiBHeap() throws Exception {
        Path log = Files.createDirectories(Path.of("target")).resolve("memory-bound-server.log");
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-jar", property("launcher.jar"),
                "--host", "127.0.0.1", "--port", "0", "--context", "/", property("memory.war"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long started = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        Upload sent;
        String received;
        try {
            int port = awaitPort(server, log);
            Future<Upload> upload = clients.submit(() -> upload(port));
            Future<String> download = clients.submit(() -> download(port));
            try {
                sent = upload.get(TRANSFER_MINUTES, TimeUnit.MINUTES);
                received = download.get(TRANSFER_MINUTES, TimeUnit.MINUTES);
            } catch (ExecutionException e) {
                // An OutOfMemoryError in the server shows to the client as a dropped connection:
                // report the server's side first.
                assertNoOutOfMemoryError(log);
                throw e;
            }
            assertTrue(server.isAlive(), "the server exited during the transfers; see " + log);
            System.out.printf("MemoryBoundIT: 2 x %d bytes through a %s server in %.1f s%n",
                    SIZE, HEAP, (System.nanoTime() - started) / 1e9);
        } finally {
            clients.shutdownNow();
            stop(server);
        }
        assertFalse(server.isAlive(), "the server process is still running");
        assertNoOutOfMemoryError(log);
        assertEquals(SIZE + " " + sent.sha256(), sent.answer(),
                "the server's byte count and SHA-256 of what it read from wsgi.input");
        assertEquals(sent.sha256(), received, "SHA-256 of the downloaded bytes");
    }

    private static void assertNoOutOfMemoryError(Path log) throws IOException {
        String output = Files.readString(log, StandardCharsets.ISO_8859_1);
        int at = output.indexOf("OutOfMemoryError");
        if (at >= 0) {
            fail("the " + HEAP + " server ran out of memory (" + log + "):\n"
                    + output.substring(Math.max(0, at - 2000), Math.min(output.length(), at + 2000)));
        }
    }

    private record Upload(String sha256, String answer) { }

    /** POSTs SIZE bytes of the pattern with a fixed length, hashing them as they go. */
    private static Upload upload(int port) throws Exception {
        HttpURLConnection connection = open(port, "/upload");
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(SIZE);
        connection.setRequestProperty("Content-Type", "application/octet-stream");
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        try (OutputStream out = connection.getOutputStream()) {
            for (long i = 0, n = PatternBlocks.count(SIZE); i < n; i++) {
                byte[] block = PatternBlocks.block(i, SIZE);
                sha256.update(block);
                out.write(block);
            }
        }
        assertEquals(200, connection.getResponseCode(), "upload status");
        try (InputStream in = connection.getInputStream()) {
            String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            return new Upload(HexFormat.of().formatHex(sha256.digest()), answer);
        }
    }

    /** GETs SIZE bytes of the pattern and hashes them as they arrive. */
    private static String download(int port) throws Exception {
        HttpURLConnection connection = open(port, "/download?bytes=" + SIZE);
        assertEquals(200, connection.getResponseCode(), "download status");
        assertEquals(SIZE, connection.getContentLengthLong(), "download Content-Length");
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        long total = 0;
        byte[] buffer = new byte[PatternBlocks.BLOCK_SIZE];
        try (InputStream in = connection.getInputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha256.update(buffer, 0, n);
                total += n;
            }
        }
        assertEquals(SIZE, total, "downloaded byte count");
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static HttpURLConnection open(int port, String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path)
                .toURL().openConnection();
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(120_000);
        return connection;
    }

    /** The port the launcher printed, within 60 s. */
    private static int awaitPort(Process server, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String output = Files.readString(log, StandardCharsets.ISO_8859_1);
            Matcher serving = SERVING.matcher(output);
            if (serving.find()) {
                return Integer.parseInt(serving.group(1));
            }
            if (!server.isAlive()) {
                fail("the launcher exited with " + server.exitValue() + ":\n" + output);
            }
            Thread.sleep(100);
        }
        fail("the launcher did not report its port within 60 s:\n" + Files.readString(log, StandardCharsets.ISO_8859_1));
        return -1;
    }

    /** SIGTERM (the launcher's shutdown hook stops Tomcat), then SIGKILL after 30 s. */
    private static void stop(Process server) throws InterruptedException {
        List<ProcessHandle> children = server.descendants().toList();
        server.destroy();
        if (!server.waitFor(30, TimeUnit.SECONDS)) {
            server.destroyForcibly();
            server.waitFor(10, TimeUnit.SECONDS);
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank() || !Files.exists(Path.of(value))) {
            fail("system property " + name + " must name an existing file (set by the it-tests pom), not " + value);
        }
        return value;
    }
}
