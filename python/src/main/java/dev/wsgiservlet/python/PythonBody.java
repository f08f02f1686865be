package dev.wsgiservlet.python;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.graalvm.polyglot.Value;

/**
 * The iterable a Python application returned, read block by block as the server sends them. Its
 * {@link #close()} is the WSGI close(): it calls the Python object's close() once, then gives the
 * context back to the pool.
 */
final class PythonBody implements Iterable<byte[]>, AutoCloseable {

    private final PythonContext context;
    private final Value result;
    private final Exchange exchange;
    private final ContextPool.Lease<PythonContext> lease;
    private boolean closed;

    PythonBody(PythonContext context, Value result, Exchange exchange, ContextPool.Lease<PythonContext> lease) {
        this.context = context;
        this.result = result;
        this.exchange = exchange;
        this.lease = lease;
    }

    @Override
    public Iterator<byte[]> iterator() {
        Value iterator = context.iterate(result);
        return new Iterator<>() {
            private byte[] next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    next = context.nextBlock(iterator);
                    done = next == null;
                }
                return next != null;
            }

            @Override
            public byte[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                byte[] block = next;
                next = null;
                if (block.length > 0) {
                    exchange.bodyStarted();
                }
                return block;
            }
        };
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            context.closeBody(result);
        } finally {
            lease.close();
        }
    }
}
