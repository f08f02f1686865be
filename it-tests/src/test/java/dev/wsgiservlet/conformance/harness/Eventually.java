package dev.wsgiservlet.conformance.harness;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls, within a bound, for state that the server settles after the response (close() calls,
 * log lines): the server may still be finishing a request when the client has read it all.
 */
public final class Eventually {

    private static final Duration BOUND = Duration.ofSeconds(10);

    private Eventually() {
    }

    /** Polls {@code probe} until {@code done} holds or the bound passes; returns the last value seen. */
    public static <T> T poll(Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        T value = probe.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return value;
            }
            value = probe.get();
        }
        return value;
    }
}
