package dev.wsgiservlet.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsgiservlet.FileWrapper;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DownloadAppTest {

    private final DownloadApp app = new DownloadApp();
    private final byte[] shipped = readShipped();

    private static byte[] readShipped() {
        try {
            return Files.readAllBytes(FakeServletContext.WEBAPP.resolve("WEB-INF/files/sample.txt"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void assertDownload(WsgiCall call) {
        assertEquals("200 OK", call.status);
        assertEquals("text/plain; charset=utf-8", call.header("Content-Type"));
        assertEquals("attachment; filename=\"sample.txt\"", call.header("Content-Disposition"));
        assertEquals(Integer.toString(shipped.length), call.header("Content-Length"));
        assertArrayEquals(shipped, call.body);
        assertTrue(call.closed);
    }

    @Test
    void servesAPathFromAnUnpackedWar() throws Exception {
        AtomicReference<Object> wrapped = new AtomicReference<>();
        FileWrapper.Factory spy = (fileLike, blockSize) -> {
            wrapped.set(fileLike);
            return FileWrapper.of(fileLike, blockSize);
        };
        WsgiCall call = new WsgiCall("GET", "/download", "")
                .with("servlet.context", FakeServletContext.of(true)).with("wsgi.file_wrapper", spy).run(app);
        assertDownload(call);
        assertTrue(wrapped.get() instanceof java.nio.file.Path, String.valueOf(wrapped.get()));
    }

    @Test
    void servesAStreamFromAPackedWar() throws Exception {
        AtomicReference<Object> wrapped = new AtomicReference<>();
        FileWrapper.Factory spy = (fileLike, blockSize) -> {
            wrapped.set(fileLike);
            return FileWrapper.of(fileLike, blockSize);
        };
        WsgiCall call = new WsgiCall("GET", "/download", "/sample.txt")
                .with("servlet.context", FakeServletContext.of(false)).with("wsgi.file_wrapper", spy).run(app);
        assertDownload(call);
        assertTrue(wrapped.get() instanceof java.io.InputStream, String.valueOf(wrapped.get()));
    }

    @Test
    void anyOtherNameIsNotFound() throws Exception {
        WsgiCall call = new WsgiCall("GET", "/download", "/../web.xml")
                .with("servlet.context", FakeServletContext.of(true)).run(app);
        assertTrue(call.status.startsWith("404 "), call.status);
    }
}
