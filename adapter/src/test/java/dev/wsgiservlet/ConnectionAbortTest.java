package dev.wsgiservlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Closing the connection of an aborted response where the container exposes it, as Undertow does. */
class ConnectionAbortTest {

    private final List<String> events = new ArrayList<>();

    /** Undertow's shape: the response has getExchange(), the exchange has getConnection(). */
    public final class ExchangeResponse extends HttpServletResponseWrapper {
        private final Object exchange;

        ExchangeResponse(Object exchange) {
            super(Stubs.stub(HttpServletResponse.class, Map.of("flushBuffer", args -> events.add("flush"))));
            this.exchange = exchange;
        }

        public Object getExchange() {
            return exchange;
        }
    }

    public static final class Exchange {
        private final Object connection;

        Exchange(Object connection) {
            this.connection = connection;
        }

        public Object getConnection() {
            return connection;
        }
    }

    private Closeable connection(boolean fails) {
        return () -> {
            events.add("close");
            if (fails) {
                throw new IOException("already closed");
            }
        };
    }

    @Test
    void flushesThenClosesTheConnectionBehindTheExchange() {
        assertTrue(ConnectionAbort.closeConnection(new ExchangeResponse(new Exchange(connection(false)))));
        assertEquals(List.of("flush", "close"), events);
    }

    @Test
    void findsTheExchangeBehindAFiltersWrapper() {
        Closeable closeable = connection(false);
        HttpServletResponse wrapped = new HttpServletResponseWrapper(new ExchangeResponse(new Exchange(closeable)));
        assertSame(closeable, ConnectionAbort.connection(wrapped));
    }

    @Test
    void containerWithoutAnExchangeIsLeftAlone() {
        HttpServletResponse plain = Stubs.stub(HttpServletResponse.class, Map.of("flushBuffer", args -> events.add("flush")));
        assertFalse(ConnectionAbort.closeConnection(plain));
        assertFalse(ConnectionAbort.closeConnection(new HttpServletResponseWrapper(plain)));
        assertEquals(List.of(), events, "nothing flushed or closed");
    }

    @Test
    void exchangeWhoseConnectionIsNotCloseableIsLeftAlone() {
        assertNull(ConnectionAbort.connection(new ExchangeResponse(new Exchange("not a connection"))));
        assertNull(ConnectionAbort.connection(new ExchangeResponse(null)));
    }

    @Test
    void failureToCloseIsReportedAsNotClosed() {
        assertFalse(ConnectionAbort.closeConnection(new ExchangeResponse(new Exchange(connection(true)))));
        assertEquals(List.of("flush", "close"), events);
    }
}
