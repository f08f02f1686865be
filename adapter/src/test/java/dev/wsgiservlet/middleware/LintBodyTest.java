package dev.wsgiservlet.middleware;

import static dev.wsgiservlet.middleware.LintFixture.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsgiservlet.Environ;
import dev.wsgiservlet.Header;
import dev.wsgiservlet.Write;
import dev.wsgiservlet.WsgiApplication;
import dev.wsgiservlet.WsgiInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The body: what the application yields and writes, and how the server iterates and closes it. */
class LintBodyTest {

    private final LintFixture fixture = new LintFixture();

    /** A body whose iterable is closeable, counting its closes. */
    static final class ClosingIterable implements Iterable<byte[]>, AutoCloseable {
        final List<byte[]> blocks;
        final ClosingIterator iterator;
        int closes;

        ClosingIterable(byte[]... blocks) {
            this.blocks = List.of(blocks);
            this.iterator = new ClosingIterator(blocks);
        }

        @Override
        public Iterator<byte[]> iterator() {
            return iterator;
        }

        @Override
        public void close() {
            closes++;
        }
    }

    /** An iterator that is closeable, as a generator-like body is. */
    static final class ClosingIterator implements Iterator<byte[]>, AutoCloseable {
        private final Iterator<byte[]> blocks;
        int closes;

        ClosingIterator(byte[]... blocks) {
            this.blocks = Arrays.asList(blocks).iterator();
        }

        @Override
        public boolean hasNext() {
            return blocks.hasNext();
        }

        @Override
        public byte[] next() {
            return blocks.next();
        }

        @Override
        public void close() {
            closes++;
        }
    }

    private static WsgiApplication returning(Iterable<byte[]> body, Header... headers) {
        return (environ, startResponse) -> {
            startResponse.call("200 OK", List.of(headers));
            return body;
        };
    }

    private static Header contentLength(long n) {
        return new Header("Content-Length", Long.toString(n));
    }

    // --- a conforming application -------------------------------------------------------------

    @Test
    void conformingApplicationIsPassedThroughUnchanged() throws Exception {
        byte[] written = bytes("head ");
        byte[] a = bytes("hello ");
        byte[] empty = new byte[0];
        byte[] b = bytes("world");
        List<Header> headers = List.of(new Header("Content-Type", "text/plain"), contentLength(16));
        Iterable<byte[]> body = fixture.call((environ, startResponse) -> {
            startResponse.call("200 OK", headers).write(written);
            return List.of(a, empty, b);
        });
        List<byte[]> yielded = new ArrayList<>();
        for (Iterator<byte[]> it = body.iterator(); it.hasNext(); ) {
            yielded.add(it.next());
        }
        ((AutoCloseable) body).close();

        assertEquals("200 OK", fixture.server.status);
        assertSame(headers, fixture.server.headers);
        assertEquals(1, fixture.server.written.size());
        assertSame(written, fixture.server.written.get(0));
        assertEquals(3, yielded.size());
        assertSame(a, yielded.get(0));
        assertSame(empty, yielded.get(1));
        assertSame(b, yielded.get(2));
        assertEquals("", fixture.log());
    }

    @Test
    void startResponseMayBeCalledDuringTheFirstIteration() throws Exception {
        WsgiApplication lazy = (environ, startResponse) -> () -> new Iterator<>() {
            boolean done;

            @Override
            public boolean hasNext() {
                return !done;
            }

            @Override
            public byte[] next() {
                try {
                    startResponse.call("200 OK", List.of());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                done = true;
                return bytes("lazy");
            }
        };
        assertEquals("lazy", fixture.run(lazy));
        assertEquals("", fixture.log());
    }

    @Test
    void wrapperIsAutoCloseableAndKeepsCollectionSize() throws Exception {
        Iterable<byte[]> list = fixture.call(returning(List.of(bytes("one"))));
        assertInstanceOf(AutoCloseable.class, list);
        assertEquals(1, assertInstanceOf(Collection.class, list).size());
        ((AutoCloseable) list).close();

        Iterable<byte[]> generator = new LintFixture().call(returning(new ClosingIterable(bytes("x"))));
        assertInstanceOf(AutoCloseable.class, generator);
        assertFalse(generator instanceof Collection);
        ((AutoCloseable) generator).close();
    }

    @Test
    void readingAllOfWsgiInputIsAllowed() throws Exception {
        // wsgiref.validate rejects read() without a size; PEP 3333 allows it, and so does Lint.
        fixture.environ.put("CONTENT_LENGTH", "4");
        fixture.environ.put("wsgi.input", new WsgiInput(new ByteArrayInputStream(bytes("ping")), 4));
        assertEquals("ping", fixture.run((environ, sr) -> {
            byte[] request = Environ.input(environ).readAllBytes();
            sr.call("200 OK", List.of(contentLength(request.length)));
            return List.of(request);
        }));
        assertEquals("", fixture.log());
    }

    // --- close() forwarding -------------------------------------------------------------------

    @Test
    void closeIsForwardedToTheIterableExactlyOnce() throws Exception {
        ClosingIterable app = new ClosingIterable(bytes("a"), bytes("b"));
        assertEquals("ab", fixture.run(returning(app)));
        assertEquals(1, app.closes);
        assertEquals(0, app.iterator.closes, "the iterable is closeable, so its iterator is not closed");
    }

    @Test
    void closeIsForwardedToTheIteratorWhenOnlyItIsCloseable() throws Exception {
        ClosingIterator iterator = new ClosingIterator(bytes("a"));
        assertEquals("a", fixture.run(returning(() -> iterator)));
        assertEquals(1, iterator.closes);
    }

    @Test
    void closeIsForwardedWhenTheBodyWasNeverIterated() throws Exception {
        ClosingIterable app = new ClosingIterable(bytes("a"));
        ((AutoCloseable) fixture.call(returning(app))).close();
        assertEquals(1, app.closes);
    }

    @Test
    void closeIsForwardedAfterALintErrorDuringIteration() throws Exception {
        ClosingIterable app = new ClosingIterable(bytes("too long"));
        Iterable<byte[]> body = fixture.call(returning(app, contentLength(1)));
        Iterator<byte[]> it = body.iterator();
        assertThrows(LintError.class, it::next);
        ((AutoCloseable) body).close();
        assertEquals(1, app.closes);
    }

    @Test
    void exceptionFromTheApplicationsCloseReachesTheServer() throws Exception {
        IOException failure = new IOException("disk gone");
        class Failing implements Iterable<byte[]>, AutoCloseable {
            @Override
            public Iterator<byte[]> iterator() {
                return List.<byte[]>of().iterator();
            }

            @Override
            public void close() throws IOException {
                throw failure;
            }
        }
        AutoCloseable body = (AutoCloseable) fixture.call(returning(new Failing()));
        assertSame(failure, assertThrows(IOException.class, body::close));
    }

    // --- the application's side of the body ---------------------------------------------------

    @Test
    void applicationReturnsNull() {
        fixture.expectLint("the application returned null instead of an iterable", () -> fixture.call((environ, sr) -> {
            sr.call("200 OK", List.of());
            return null;
        }));
    }

    @Test
    void iterableReturnsNullIterator() throws Exception {
        Iterable<byte[]> body = fixture.call(returning(() -> null));
        fixture.expectLint("the application's iterable returned a null iterator", body::iterator);
    }

    @Test
    void yieldsNull() throws Exception {
        Iterator<byte[]> it = fixture.call(returning(Arrays.asList(bytes("a"), null))).iterator();
        it.next();
        fixture.expectLint("the application's iterable yielded null instead of a byte[]", it::next);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void yieldsSomethingElseThanBytes() throws Exception {
        Iterable raw = List.of("text");
        Iterator<byte[]> it = fixture.call(returning(raw)).iterator();
        fixture.expectLint("the application's iterable yielded a java.lang.String, not a byte[]", it::next);
    }

    @Test
    void blockBeforeStartResponse() throws Exception {
        Iterator<byte[]> it = fixture.call((environ, sr) -> List.of(bytes("early"))).iterator();
        fixture.expectLint("start_response was not called before the first body block", it::next);
    }

    @Test
    void emptyBlockBeforeStartResponse() throws Exception {
        Iterator<byte[]> it = fixture.call((environ, sr) -> List.of(new byte[0])).iterator();
        fixture.expectLint("start_response was not called before the first body block", it::next);
    }

    @Test
    void bodyEndsWithoutStartResponse() throws Exception {
        Iterator<byte[]> it = fixture.call((environ, sr) -> List.of()).iterator();
        fixture.expectLint("the body ended but start_response was never called", it::hasNext);
    }

    @Test
    void writeGivenNull() {
        fixture.expectLint("write() was given null instead of bytes", () -> fixture.call((environ, sr) -> {
            sr.call("200 OK", List.of()).write(null);
            return List.of();
        }));
        assertTrue(fixture.server.written.isEmpty());
    }

    @Test
    void writeAfterClose() throws Exception {
        Write[] write = new Write[1];
        Iterable<byte[]> body = fixture.call((environ, sr) -> {
            write[0] = sr.call("200 OK", List.of());
            return List.of();
        });
        fixture.drain(body);
        fixture.expectLint("write() called after close()", () -> write[0].write(bytes("late")));
        assertTrue(fixture.server.written.isEmpty());
    }

    @Test
    void yieldedBodyLongerThanContentLength() throws Exception {
        Iterator<byte[]> it = fixture.call(returning(List.of(bytes("abc"), bytes("de")), contentLength(4))).iterator();
        assertEquals("abc", new String(it.next(), StandardCharsets.ISO_8859_1));
        fixture.expectLint("body is longer than its Content-Length: 5 > 4", it::next);
    }

    @Test
    void writtenBodyLongerThanContentLength() {
        fixture.expectLint("body is longer than its Content-Length: 3 > 2", () -> fixture.call((environ, sr) -> {
            sr.call("200 OK", List.of(contentLength(2))).write(bytes("abc"));
            return List.of();
        }));
        assertTrue(fixture.server.written.isEmpty(), "the overrunning block must not reach the server");
    }

    @Test
    void writtenAndYieldedBytesCountTogether() throws Exception {
        Iterator<byte[]> it = fixture.call((environ, sr) -> {
            sr.call("200 OK", List.of(contentLength(3))).write(bytes("ab"));
            return List.of(bytes("cd"));
        }).iterator();
        fixture.expectLint("body is longer than its Content-Length: 4 > 3", it::next);
    }

    @Test
    void bodyShorterThanContentLength() throws Exception {
        Iterator<byte[]> it = fixture.call(returning(List.of(bytes("abc")), contentLength(5))).iterator();
        it.next();
        fixture.expectLint("body is shorter than its Content-Length: 3 < 5", it::hasNext);
    }

    @Test
    void shortfallIsFoundWhenTheServerRunsPastTheEndWithNext() throws Exception {
        Iterator<byte[]> it = fixture.call(returning(List.of(bytes("abc")), contentLength(5))).iterator();
        it.next();
        fixture.expectLint("body is shorter than its Content-Length: 3 < 5", it::next);
    }

    @Test
    void exactContentLengthPasses() throws Exception {
        Iterable<byte[]> body = fixture.call(returning(List.of(bytes("ab"), bytes("c")), contentLength(3)));
        Iterator<byte[]> it = body.iterator();
        it.next();
        it.next();
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
        ((AutoCloseable) body).close();
        assertEquals("", fixture.log());
    }

    @Test
    void headResponseMayOmitTheBody() throws Exception {
        fixture.environ.put("REQUEST_METHOD", "HEAD");
        assertEquals("", fixture.run(returning(List.of(), contentLength(1234))));
        assertEquals("", fixture.log());
    }

    @ParameterizedTest
    @ValueSource(strings = {"204 No Content", "304 Not Modified", "103 Early Hints"})
    void bodylessStatusMayDeclareALength(String status) throws Exception {
        assertEquals("", fixture.run((environ, sr) -> {
            sr.call(status, List.of(contentLength(1234)));
            return List.of();
        }));
        assertEquals("", fixture.log());
    }

    // --- the server's side of the body --------------------------------------------------------

    @Test
    void hasNextAfterClose() throws Exception {
        Iterable<byte[]> body = fixture.call(returning(List.of(bytes("a"))));
        Iterator<byte[]> it = body.iterator();
        ((AutoCloseable) body).close();
        fixture.expectLint("hasNext() called on the application's iterable after close()", it::hasNext);
    }

    @Test
    void nextAfterClose() throws Exception {
        Iterable<byte[]> body = fixture.call(returning(List.of(bytes("a"))));
        Iterator<byte[]> it = body.iterator();
        ((AutoCloseable) body).close();
        fixture.expectLint("next() called on the application's iterable after close()", it::next);
    }

    @Test
    void iteratorAfterClose() throws Exception {
        Iterable<byte[]> body = fixture.call(returning(List.of(bytes("a"))));
        ((AutoCloseable) body).close();
        fixture.expectLint("iterator() called on the application's iterable after close()", body::iterator);
    }

    @Test
    void iteratedTwice() throws Exception {
        Iterable<byte[]> body = fixture.call(returning(List.of(bytes("a"))));
        body.iterator();
        fixture.expectLint("iterator() called twice on the application's iterable", body::iterator);
    }

    @Test
    void closedTwice() throws Exception {
        ClosingIterable app = new ClosingIterable(bytes("a"));
        AutoCloseable body = (AutoCloseable) fixture.call(returning(app));
        body.close();
        fixture.expectLint("close() called twice on the application's iterable", body::close);
        assertEquals(1, app.closes, "the second close must not reach the application");
    }
}
