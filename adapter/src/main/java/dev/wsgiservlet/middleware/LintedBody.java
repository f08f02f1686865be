package dev.wsgiservlet.middleware;

import static dev.wsgiservlet.middleware.Reporter.typeOf;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The application's iterable as the server sees it through {@link Lint}: the blocks are checked on
 * their way out, and the server's use of the iterable (one pass, nothing after {@code close()},
 * {@code close()} exactly once) is checked too.
 *
 * <p>It is itself {@link AutoCloseable}, so by the API's rule the server closes it, never its
 * iterator; the close is forwarded to the application's iterable if that is closeable, else to
 * the iterator it handed out.
 */
final class LintedBody implements Iterable<byte[]>, AutoCloseable {


    private final Iterable<byte[]> app;
    private final ResponseState state;
    private final LeakWatch.Watched watched;
    private volatile Iterator<byte[]> appIterator;

    LintedBody(Iterable<byte[]> app, ResponseState state, LeakWatch leaks) {
        this.app = app;
        this.state = state;
        this.watched = leaks.watch(this, state);
    }

    @Override
    public Iterator<byte[]> iterator() {
        if (state.closed.get()) {
            throw state.reporter.fail("iterator() called on the application's iterable after close()");
        }
        if (appIterator != null) {
            throw state.reporter.fail("iterator() called twice on the application's iterable; a body is iterated once");
        }
        Iterator<byte[]> it = app.iterator();
        if (it == null) {
            throw state.reporter.fail("the application's iterable returned a null iterator");
        }
        appIterator = it;
        return new CheckedIterator(it);
    }

    @Override
    public void close() throws Exception {
        if (!state.closed.compareAndSet(false, true)) {
            throw state.reporter.fail("close() called twice on the application's iterable");
        }
        watched.release();
        if (app instanceof AutoCloseable closeable) {
            closeable.close();
        } else if (appIterator instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Override
    public String toString() {
        return "Lint(" + typeOf(app) + ")";
    }

    private final class CheckedIterator implements Iterator<byte[]> {

        private final Iterator<byte[]> it;
        private boolean ended;

        CheckedIterator(Iterator<byte[]> it) {
            this.it = it;
        }

        @Override
        public boolean hasNext() {
            if (state.closed.get()) {
                throw state.reporter.fail("hasNext() called on the application's iterable after close()");
            }
            boolean more = it.hasNext();
            if (!more) {
                end();
            }
            return more;
        }

        @Override
        public byte[] next() {
            if (state.closed.get()) {
                throw state.reporter.fail("next() called on the application's iterable after close()");
            }
            Object block;
            try {
                // Through Iterator<?>, so that a raw-typed application yielding a String reaches
                // the check below instead of failing with a bare ClassCastException.
                block = ((Iterator<?>) it).next();
            } catch (NoSuchElementException e) {
                end();
                throw e;
            }
            if (block == null) {
                throw state.reporter.fail("the application's iterable yielded null instead of a byte[]");
            }
            if (!(block instanceof byte[] bytes)) {
                throw state.reporter.fail("the application's iterable yielded a " + typeOf(block) + ", not a byte[]");
            }
            if (!state.started()) {
                throw state.reporter.fail("start_response was not called before the first body block");
            }
            state.count(bytes.length);
            return bytes;
        }

        private void end() {
            if (!ended) {
                ended = true;
                state.ended();
            }
        }
    }
}
