package dev.wsgiservlet.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsgiservlet.WsgiApplication;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A body the server drops without closing it is reported on a later request through the same
 * {@link Lint}, once the garbage collector has found it.
 */
class LintLeakTest {

    /** Held strongly: the logging framework keeps loggers only weakly. */
    private final Logger logger = Logger.getLogger("dev.wsgiservlet.middleware.Lint");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private static final WsgiApplication APP = (environ, startResponse) -> {
        startResponse.call("200 OK", List.of());
        return List.of();
    };

    private boolean parentHandlers;

    @BeforeEach
    void listen() {
        parentHandlers = logger.getUseParentHandlers();
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(handler);
        logger.setUseParentHandlers(parentHandlers);
    }

    /** In its own method, so that no local variable keeps the body reachable. */
    private static void request(Lint lint, String path, boolean close) throws Exception {
        LintFixture fixture = new LintFixture();
        fixture.environ.put("PATH_INFO", path);
        Iterable<byte[]> body = lint.call(fixture.environ, fixture.server);
        body.iterator().hasNext();
        if (close) {
            ((AutoCloseable) body).close();
        }
    }

    private static String message(LogRecord record) {
        return new SimpleFormatter().formatMessage(record);
    }

    private List<LogRecord> about(String path) {
        return records.stream().filter(r -> message(r).contains(path)).toList();
    }

    @Test
    void unclosedBodyIsLoggedWhenCollected() throws Exception {
        Lint lint = new Lint(APP);
        request(lint, "/closed", true);
        request(lint, "/leaked", false);
        for (int i = 0; i < 200 && about("/leaked").isEmpty(); i++) {
            System.gc();
            Thread.sleep(25);
            request(lint, "/next", true);
        }
        List<LogRecord> leaks = about("/leaked");
        assertEquals(1, leaks.size(), () -> "logged: " + records.stream().map(LintLeakTest::message).toList());
        assertEquals(Level.SEVERE, leaks.get(0).getLevel());
        assertEquals("close() was never called on the application's iterable (GET '/app/leaked')", message(leaks.get(0)));
        assertTrue(about("/closed").isEmpty(), "a closed body must not be reported");
    }
}
