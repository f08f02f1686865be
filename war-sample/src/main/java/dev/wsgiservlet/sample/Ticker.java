package dev.wsgiservlet.sample;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A lazy response body: one line, then a pause before each further line. The server sends each
 * line as it comes. {@link #close()}, which the server calls when the response ends or the
 * client goes away, stops it.
 */
public final class Ticker implements Iterable<byte[]>, AutoCloseable {

    private final int lines;
    private final long intervalMillis;
    private volatile boolean closed;

    /**
     * @param lines how many lines to produce
     * @param intervalMillis the pause before each line after the first
     */
    public Ticker(int lines, long intervalMillis) {
        this.lines = lines;
        this.intervalMillis = intervalMillis;
    }

    @Override
    public Iterator<byte[]> iterator() {
        return new Iterator<>() {
            private int produced;
            private boolean paused;

            @Override
            public boolean hasNext() {
                if (closed || produced >= lines) {
                    return false;
                }
                // The pause comes before each line after the first, while the server waits here.
                if (produced > 0 && !paused) {
                    pause();
                    paused = true;
                }
                return !closed;
            }

            @Override
            public byte[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                produced++;
                paused = false;
                String line = "line " + produced + " of " + lines + " at " + Instant.now() + "\n";
                return line.getBytes(StandardCharsets.UTF_8);
            }
        };
    }

    /** Whether it was closed: the server is done with it, whatever iteration is left. */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }

    private void pause() {
        try {
            Thread.sleep(intervalMillis);
        } catch (InterruptedException e) {
            // The container is stopping this request's thread: end the body early.
            Thread.currentThread().interrupt();
            closed = true;
        }
    }
}
