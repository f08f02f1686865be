package dev.wsgiservlet.middleware;

import java.util.AbstractCollection;
import java.util.Collection;
import java.util.Iterator;

/**
 * A {@link LintedBody} that stays a {@link Collection} when the application's body is one, so that
 * a server which sizes an in-memory body (one block: compute the Content-Length) treats a linted
 * application as it treats the bare one. {@link #size()} is the application's; everything else
 * goes through the checked single pass.
 */
final class LintedCollection extends AbstractCollection<byte[]> implements AutoCloseable {

    private final Collection<byte[]> app;
    private final LintedBody body;

    LintedCollection(Collection<byte[]> app, LintedBody body) {
        this.app = app;
        this.body = body;
    }

    @Override
    public int size() {
        return app.size();
    }

    @Override
    public Iterator<byte[]> iterator() {
        return body.iterator();
    }

    @Override
    public void close() throws Exception {
        body.close();
    }

    /** Not the blocks: printing them would count as the one pass. */
    @Override
    public String toString() {
        return body.toString();
    }
}
