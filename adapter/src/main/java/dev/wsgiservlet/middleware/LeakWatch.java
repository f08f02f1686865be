package dev.wsgiservlet.middleware;

import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finds bodies that the server dropped without calling {@code close()}. The garbage collector
 * queues each watched body when it becomes unreachable; the queue is drained on the next request
 * through {@link Lint}. No thread of its own, so nothing outlives an undeploy or pins the web
 * application's class loader.
 */
final class LeakWatch {

    private static final Logger LOG = Logger.getLogger(Lint.class.getName());

    private final ReferenceQueue<Object> queue = new ReferenceQueue<>();
    /** Keeps the references themselves reachable until they are queued or released. */
    private final Set<Watched> watched = ConcurrentHashMap.newKeySet();

    /** Starts watching {@code body}; {@link Watched#release()} once it is closed. */
    Watched watch(Object body, ResponseState state) {
        Watched w = new Watched(body, queue, state, this);
        watched.add(w);
        return w;
    }

    /** Reports every collected body that was never closed. */
    void drain() {
        for (Reference<?> ref = queue.poll(); ref != null; ref = queue.poll()) {
            Watched w = (Watched) ref;
            watched.remove(w);
            if (!w.state.closed.get()) {
                LOG.log(Level.SEVERE, "close() was never called on the application''s iterable ({0})", w.state.request);
            }
        }
    }

    /** One watched body; holds the request's state, never the body. */
    static final class Watched extends PhantomReference<Object> {
        private final ResponseState state;
        private final LeakWatch owner;

        Watched(Object body, ReferenceQueue<Object> queue, ResponseState state, LeakWatch owner) {
            super(body, queue);
            this.state = state;
            this.owner = owner;
        }

        /** The body was closed: stop watching it. */
        void release() {
            owner.watched.remove(this);
            clear();
        }
    }
}
