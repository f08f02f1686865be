package dev.wsgiservlet.python;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * The started Python contexts of one application, each serving one request at a time.
 *
 * <p>A request {@link #acquire leases} an idle context, waiting a bounded time; the lease ends
 * when the response is done. The most recently used context is handed out first: its caches and
 * compiled code are the warmest. Contexts join the pool as they finish starting, so requests can
 * be served while the others still start.
 *
 * @param <T> the pooled item
 */
final class ContextPool<T extends AutoCloseable> implements AutoCloseable {

    private final LinkedBlockingDeque<T> idle = new LinkedBlockingDeque<>();
    private final List<T> all = new ArrayList<>();
    private final BiConsumer<String, Throwable> log;
    private boolean closed;

    /** @param log where failures to close an item are reported */
    ContextPool(BiConsumer<String, Throwable> log) {
        this.log = log;
    }

    /**
     * Adds a started item, idle.
     *
     * @return false when the pool is closed already: the item was closed instead
     */
    boolean add(T item) {
        synchronized (this) {
            if (!closed) {
                all.add(item);
                idle.offerFirst(item);
                return true;
            }
        }
        closeQuietly(item);
        return false;
    }

    /** How many items joined the pool. */
    synchronized int size() {
        return all.size();
    }

    /**
     * Leases an idle item, waiting at most {@code timeout} for one.
     *
     * @return the lease, or {@code null} when none became free in time or the pool is closed
     */
    Lease<T> acquire(Duration timeout) throws InterruptedException {
        T item = idle.pollFirst(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (item == null) {
            return null;
        }
        synchronized (this) {
            if (closed) {
                return null; // closed while this request waited: close() closes every item
            }
        }
        return new Lease<>(this, item);
    }

    private void release(T item) {
        synchronized (this) {
            if (!closed) {
                idle.offerFirst(item);
                return;
            }
        }
        closeQuietly(item); // closed while leased; closing twice is harmless
    }

    /** Closes every item, idle or leased; later adds and releases close theirs. */
    @Override
    public void close() {
        List<T> items;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            items = new ArrayList<>(all);
            idle.clear();
        }
        items.forEach(this::closeQuietly);
    }

    private void closeQuietly(T item) {
        try {
            item.close();
        } catch (Exception e) {
            log.accept("closing " + item + " failed", e);
        }
    }

    /** One item, leased for one request. {@link #close()} gives it back, once. */
    static final class Lease<T extends AutoCloseable> implements AutoCloseable {
        private final ContextPool<T> pool;
        private final T item;
        private final AtomicBoolean released = new AtomicBoolean();

        private Lease(ContextPool<T> pool, T item) {
            this.pool = pool;
            this.item = item;
        }

        T item() {
            return item;
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                pool.release(item);
            }
        }
    }
}
