package dev.wsgiservlet.python;

import dev.wsgiservlet.FileWrapper;
import dev.wsgiservlet.StartResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * One GraalPy context with the application imported: serves one request at a time (the pool
 * sees to that), from the call to the body's {@code close()}.
 */
final class PythonContext implements AutoCloseable {

    /** What the gateway's serve() found; the numbers match wsgiservlet_gateway.py. */
    private static final int IN_MEMORY = 0;
    private static final int REGULAR_FILE = 1;

    private final Context context;
    private final Value application;
    private final Value serve;
    private final Value iterate;
    private final Value nextBlock;
    private final Value closeBody;
    private final Value gateway;
    private final String name;

    PythonContext(Context context, Value gateway, Value application, AppSpec app) {
        this.context = context;
        this.gateway = gateway;
        this.application = application;
        this.serve = gateway.getMember("serve");
        this.iterate = gateway.getMember("iterate");
        this.nextBlock = gateway.getMember("next_block");
        this.closeBody = gateway.getMember("close");
        this.name = "GraalPy context of " + app;
    }

    /**
     * Calls the application. The lease ends when the returned body is closed, or here when the
     * call fails or the body is already complete (a list of bytes).
     */
    Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse,
            ContextPool.Lease<PythonContext> lease) throws Exception {
        Exchange exchange = new Exchange(environ, startResponse);
        Value outcome;
        try {
            outcome = serve.execute(application, exchange.strings(), exchange.objects(),
                    exchange.read, exchange.readline, exchange.log, exchange.flush,
                    exchange.start, exchange.write, exchange.headersSent);
        } catch (PolyglotException e) {
            throw translate(e);
        }
        int kind = outcome.getArrayElement(0).asInt();
        Value result = outcome.getArrayElement(1);
        if (kind == IN_MEMORY) {
            List<byte[]> blocks = new ArrayList<>((int) result.getArraySize());
            for (long i = 0; i < result.getArraySize(); i++) {
                blocks.add(result.getArrayElement(i).as(byte[].class));
            }
            lease.close();
            return Collections.unmodifiableList(blocks);
        }
        PythonBody body = new PythonBody(this, result, exchange, lease);
        if (kind == REGULAR_FILE) {
            try {
                return FileWrapper.of(Path.of(outcome.getArrayElement(2).asString()),
                        outcome.getArrayElement(3).asLong(), outcome.getArrayElement(4).asInt(), body);
            } catch (IOException e) {
                // The file went away since the application opened it: its Python object still reads.
            }
        }
        return body;
    }

    Value iterate(Value result) {
        return run(iterate, result);
    }

    /** The next block of the body, or null at its end. */
    byte[] nextBlock(Value iterator) {
        Value block = run(nextBlock, iterator);
        return block.isNull() ? null : block.as(byte[].class);
    }

    void closeBody(Value result) {
        run(closeBody, result);
    }

    /** Calls into Python where no checked exception may pass; Java exceptions from inside pass unchanged. */
    private Value run(Value function, Value argument) {
        try {
            return function.execute(argument);
        } catch (PolyglotException e) {
            throw Sneaky.raise(translate(e));
        }
    }

    /**
     * What a failure coming out of Python becomes in Java: a Java exception raised inside (by
     * write() when the client went away, for example) as it was; a Python exception as a
     * {@link PythonException} carrying its traceback.
     */
    Exception translate(PolyglotException e) {
        if (e.isHostException()) {
            Throwable host = e.asHostException();
            if (host instanceof Exception exception) {
                return exception;
            }
            throw Sneaky.raise(host);
        }
        if (e.isCancelled()) {
            return new IllegalStateException("the Python context was closed (the application is being stopped)", e);
        }
        if (e.isGuestException() && !e.isInternalError()) {
            return describe(gateway, e);
        }
        return new IllegalStateException("GraalPy failed: " + e.getMessage(), e);
    }

    static PythonException describe(Value gateway, PolyglotException e) {
        Value description = gateway.invokeMember("describe", e.getGuestObject());
        return new PythonException(description.getArrayElement(0).asString(),
                description.getArrayElement(1).asString(), description.getArrayElement(2).asString());
    }

    /** Closes the context, cancelling Python code still running in it. */
    @Override
    public void close() {
        context.close(true);
    }

    @Override
    public String toString() {
        return name;
    }
}
