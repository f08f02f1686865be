package dev.wsgiservlet.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ContextPoolTest {

    private static final Duration NO_WAIT = Duration.ZERO;

    /** Counts its close() calls. */
    static class Item implements AutoCloseable {
        final String name;
        int closes;

        Item(String name) {
            this.name = name;
        }

        @Override
        public void close() {
            closes++;
        }
    }

    private final List<String> failures = new ArrayList<>();
    private final ContextPool<Item> pool = new ContextPool<>((message, e) -> failures.add(message));

    @Test
    void anEmptyPoolAnswersNullAfterTheTimeout() throws InterruptedException {
        long t0 = System.nanoTime();
        assertNull(pool.acquire(Duration.ofMillis(200)));
        assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(200));
    }

    @Test
    void oneLeasePerItemUntilItIsReleased() throws InterruptedException {
        Item a = new Item("a");
        assertTrue(pool.add(a));
        ContextPool.Lease<Item> lease = pool.acquire(NO_WAIT);
        assertSame(a, lease.item());
        assertNull(pool.acquire(NO_WAIT), "a is leased");
        lease.close();
        lease.close(); // a second release must not hand the item out twice
        ContextPool.Lease<Item> again = pool.acquire(NO_WAIT);
        assertSame(a, again.item());
        assertNull(pool.acquire(NO_WAIT));
    }

    @Test
    void theMostRecentlyReleasedItemComesFirst() throws InterruptedException {
        Item a = new Item("a");
        Item b = new Item("b");
        pool.add(a);
        pool.add(b);
        ContextPool.Lease<Item> first = pool.acquire(NO_WAIT);
        ContextPool.Lease<Item> second = pool.acquire(NO_WAIT);
        first.close();
        second.close();
        assertSame(second.item(), pool.acquire(NO_WAIT).item());
        assertEquals(2, pool.size());
    }

    @Test
    void aWaitingRequestGetsAnItemAddedLater() throws Exception {
        CompletableFuture<ContextPool.Lease<Item>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return pool.acquire(Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        assertFalse(waiting.isDone());
        Item late = new Item("late");
        pool.add(late);
        assertSame(late, waiting.get(20, TimeUnit.SECONDS).item());
    }

    @Test
    void closeClosesIdleAndLeasedItemsOnce() throws InterruptedException {
        Item idle = new Item("idle");
        Item leased = new Item("leased");
        pool.add(leased);
        ContextPool.Lease<Item> lease = pool.acquire(NO_WAIT);
        pool.add(idle);
        pool.close();
        pool.close();
        assertEquals(1, idle.closes);
        assertEquals(1, leased.closes);
        lease.close(); // the request ends after the pool closed: closing again does no harm
        assertNull(pool.acquire(NO_WAIT));
        assertTrue(failures.isEmpty());
    }

    @Test
    void anItemAddedAfterCloseIsClosed() {
        pool.close();
        Item late = new Item("late");
        assertFalse(pool.add(late));
        assertEquals(1, late.closes);
        assertEquals(0, pool.size());
    }

    @Test
    void aFailingCloseIsReportedAndTheOthersStillClose() throws InterruptedException {
        Item ok = new Item("ok");
        pool.add(new Item("broken") {
            @Override
            public void close() {
                throw new IllegalStateException("broken");
            }
        });
        pool.add(ok);
        pool.close();
        assertEquals(1, ok.closes);
        assertEquals(1, failures.size());
        assertNotNull(failures.get(0));
    }
}
