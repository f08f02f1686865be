package dev.wsgiservlet;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WsgiInputTest {

    private static byte[] bytes(String s) {
        return s.getBytes(ISO_8859_1);
    }

    private static String text(byte[] b) {
        return new String(b, ISO_8859_1);
    }

    private static List<String> texts(Iterable<byte[]> lines) {
        List<String> out = new ArrayList<>();
        lines.forEach(line -> out.add(text(line)));
        return out;
    }

    private static WsgiInput input(String body, long contentLength) {
        return new WsgiInput(new ByteArrayInputStream(bytes(body)), contentLength);
    }

    /** A source that fails on any read: proves a read never reached it. */
    private static final class UntouchableStream extends InputStream {
        @Override
        public int read() throws IOException {
            throw new AssertionError("the source must not be read");
        }

        @Override
        public int read(byte[] b, int off, int len) {
            throw new AssertionError("the source must not be read");
        }

        @Override
        public int available() {
            throw new AssertionError("the source must not be asked");
        }
    }

    /** Gives its bytes, then fails on any further read (a kept-alive connection would block there). */
    private static final class ExactStream extends InputStream {
        private final byte[] data;
        private int position;
        private boolean endSeen;

        ExactStream(byte[] data) {
            this.data = data;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (endSeen) {
                throw new AssertionError("read again after the end was reported");
            }
            if (position == data.length) {
                endSeen = true;
                return -1;
            }
            int n = Math.min(len, data.length - position);
            System.arraycopy(data, position, b, off, n);
            position += n;
            return n;
        }
    }

    /** Returns at most one byte per read, as a slow network would. */
    private static final class TrickleStream extends ByteArrayInputStream {
        TrickleStream(byte[] data) {
            super(data);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 1));
        }
    }

    // --- the declared length --------------------------------------------------------------------

    @Test
    void endsExactlyAtContentLengthAndLeavesTheRestUnread() throws IOException {
        ByteArrayInputStream source = new ByteArrayInputStream(bytes("hello|next request"));
        WsgiInput in = new WsgiInput(source, 5);
        assertEquals("hello", text(in.readAllBytes()));
        assertEquals(13, source.available(), "bytes after CONTENT_LENGTH must stay in the connection");
    }

    @Test
    void readlineDoesNotBufferPastContentLength() throws IOException {
        ByteArrayInputStream source = new ByteArrayInputStream(bytes("a\nb\nc|GET / HTTP/1.1\r\n"));
        WsgiInput in = new WsgiInput(source, 5);
        assertEquals(List.of("a\n", "b\n", "c"), texts(in.readlines()));
        assertEquals(bytes("|GET / HTTP/1.1\r\n").length, source.available());
    }

    @Test
    void neverReadsTheSourceAgainOnceContentLengthIsReached() throws IOException {
        WsgiInput in = new WsgiInput(new ExactStream(bytes("abc")), 3);
        assertEquals("abc", text(in.readNBytes(10)));
        assertEquals(-1, in.read());
        assertEquals(-1, in.read(new byte[4], 0, 4));
        assertEquals(0, in.readline().length);
    }

    @Test
    void staysExhausted() throws IOException {
        WsgiInput in = input("ab", 2);
        assertEquals("ab", text(in.readAllBytes()));
        for (int i = 0; i < 3; i++) {
            assertEquals(-1, in.read());
            assertEquals(-1, in.read(new byte[8], 0, 8));
            assertEquals(0, in.readline().length);
            assertEquals(0, in.readline(5).length);
            assertTrue(in.readlines().isEmpty());
            assertEquals(0, in.readAllBytes().length);
            assertFalse(in.iterator().hasNext());
        }
    }

    @Test
    void unknownLengthReadsToTheEndOfTheSource() throws IOException {
        WsgiInput in = new WsgiInput(new ExactStream(bytes("chunked\nbody")), -1);
        assertEquals(List.of("chunked\n", "body"), texts(in.readlines()));
        assertEquals(-1, in.read());
        assertEquals(0, in.readline().length);
    }

    @Test
    void zeroLengthNeverTouchesTheSource() throws IOException {
        WsgiInput in = new WsgiInput(new UntouchableStream(), 0);
        assertEquals(-1, in.read());
        assertEquals(-1, in.read(new byte[4], 0, 4));
        assertEquals(0, in.readline().length);
        assertTrue(in.readlines().isEmpty());
        assertEquals(0, in.readAllBytes().length);
        assertFalse(in.iterator().hasNext());
        assertEquals(0, in.available());
    }

    @Test
    void sourceEndingBeforeContentLengthIsAnError() {
        WsgiInput in = input("abc", 10);
        EOFException e = assertThrows(EOFException.class, in::readAllBytes);
        assertTrue(e.getMessage().contains("3"), e.getMessage());
        assertTrue(e.getMessage().contains("10"), e.getMessage());
    }

    @Test
    void truncatedBodyIsAnErrorForReadlineToo() throws IOException {
        WsgiInput in = input("line\npart", 100);
        assertEquals("line\n", text(in.readline()));
        EOFException e = assertThrows(EOFException.class, in::readline);
        assertTrue(e.getMessage().contains("9") && e.getMessage().contains("100"), e.getMessage());
    }

    // --- InputStream methods --------------------------------------------------------------------

    @Test
    void readOneByteAtATime() throws IOException {
        WsgiInput in = input("a\u00FFz", 3);
        assertEquals('a', in.read());
        assertEquals(0xFF, in.read(), "bytes are unsigned");
        assertEquals('z', in.read());
        assertEquals(-1, in.read());
    }

    @Test
    void readIntoAnArrayRespectsOffsetAndLength() throws IOException {
        WsgiInput in = input("abcdef", 6);
        byte[] target = bytes("........");
        assertEquals(3, in.read(target, 2, 3));
        assertEquals("..abc...", text(target));
        assertEquals(0, in.read(target, 0, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> in.read(target, 6, 3));
    }

    @Test
    void readNBytesAndReadAllBytes() throws IOException {
        WsgiInput in = input("0123456789extra", 10);
        assertEquals("0123", text(in.readNBytes(4)));
        assertEquals("456789", text(in.readAllBytes()));
        assertEquals(0, in.readNBytes(4).length);
    }

    @Test
    void shortReadsFromTheSourceAreAssembled() throws IOException {
        String body = "first line\nsecond line\r\nthird";
        WsgiInput in = new WsgiInput(new TrickleStream(bytes(body + "AFTER")), body.length());
        assertEquals("first", text(in.readNBytes(5)));
        assertEquals(" line\n", text(in.readline()));
        assertEquals(List.of("second line\r\n", "third"), texts(in.readlines()));
        assertEquals(-1, in.read());
    }

    @Test
    void availableNeverExceedsWhatRemains() throws IOException {
        WsgiInput in = input("ab\ncdXYZ", 5);
        assertTrue(in.available() <= 5, "available " + in.available());
        in.read();
        assertTrue(in.available() <= 4, "available " + in.available());
        assertEquals("b\n", text(in.readline()));
        assertEquals(2, in.available(), "the buffered rest of the body, nothing past it");
        in.readAllBytes();
        assertEquals(0, in.available());
    }

    // --- readline -------------------------------------------------------------------------------

    @Test
    void readlineKeepsTheLineEnding() throws IOException {
        WsgiInput in = input("unix\nwindows\r\nlast", 18);
        assertEquals("unix\n", text(in.readline()));
        assertEquals("windows\r\n", text(in.readline()));
        assertEquals("last", text(in.readline()));
        assertEquals("", text(in.readline()));
    }

    @Test
    void readlineReturnsEmptyLinesAsANewlineOnly() throws IOException {
        WsgiInput in = input("\n\nx", 3);
        assertEquals("\n", text(in.readline()));
        assertEquals("\n", text(in.readline()));
        assertEquals("x", text(in.readline()));
    }

    @Test
    void readlineSpansTheInternalBuffer() throws IOException {
        byte[] longLine = new byte[20_000];
        Arrays.fill(longLine, (byte) 'x');
        longLine[longLine.length - 1] = '\n';
        byte[] body = new byte[longLine.length + 4];
        System.arraycopy(longLine, 0, body, 0, longLine.length);
        System.arraycopy(bytes("tail"), 0, body, longLine.length, 4);
        WsgiInput in = new WsgiInput(new ByteArrayInputStream(body), body.length);
        assertArrayEquals(longLine, in.readline());
        assertEquals("tail", text(in.readline()));
    }

    @Test
    void lineEndingRightAfterABufferBoundary() throws IOException {
        byte[] body = new byte[8192 * 2 + 3];
        Arrays.fill(body, (byte) 'y');
        body[8191] = '\n';
        body[8192] = '\n';
        WsgiInput in = new WsgiInput(new ByteArrayInputStream(body), body.length);
        assertEquals(8192, in.readline().length);
        assertEquals(1, in.readline().length);
        assertEquals(8194, in.readline().length);
        assertEquals(0, in.readline().length);
    }

    @Test
    void readlineWithALimit() throws IOException {
        WsgiInput in = input("abcdef\nxy\nlast", 14);
        assertEquals("", text(in.readline(0)), "limit 0 reads nothing");
        assertEquals("a", text(in.readline(1)));
        assertEquals("bcd", text(in.readline(3)));
        assertEquals("ef\n", text(in.readline(3)), "limit exactly at the newline");
        assertEquals("xy\n", text(in.readline(10)), "limit beyond the newline stops at it");
        assertEquals("last", text(in.readline(-1)), "negative limit: the whole line");
        assertEquals("", text(in.readline(5)));
    }

    @Test
    void readlineLimitAcrossTheInternalBuffer() throws IOException {
        byte[] body = new byte[30_000];
        Arrays.fill(body, (byte) 'z');
        WsgiInput in = new WsgiInput(new ByteArrayInputStream(body), body.length);
        assertEquals(10_000, in.readline(10_000).length);
        assertEquals(20_000, in.readline(-7).length);
    }

    @Test
    void readlineDoesNotConsumePastItsLimit() throws IOException {
        WsgiInput in = input("abc\n", 4);
        assertEquals("ab", text(in.readline(2)));
        assertEquals('c', in.read());
    }

    // --- readlines and iteration ----------------------------------------------------------------

    @Test
    void readlinesReadsAllLines() throws IOException {
        WsgiInput in = input("a\nbb\r\nccc", 9);
        assertEquals(List.of("a\n", "bb\r\n", "ccc"), texts(in.readlines()));
    }

    @Test
    void readlinesStopsOnceHintBytesWereRead() throws IOException {
        String body = "a\nbb\nccc\ndddd\n";
        assertEquals(List.of("a\n"), texts(input(body, 14).readlines(1)));
        assertEquals(List.of("a\n"), texts(input(body, 14).readlines(2)));
        assertEquals(List.of("a\n", "bb\n"), texts(input(body, 14).readlines(3)));
        assertEquals(List.of("a\n", "bb\n"), texts(input(body, 14).readlines(5)));
        assertEquals(List.of("a\n", "bb\n", "ccc\n"), texts(input(body, 14).readlines(6)));
        assertEquals(List.of("a\n", "bb\n", "ccc\n", "dddd\n"), texts(input(body, 14).readlines(1000)));
    }

    @Test
    void readlinesHintLeavesTheRestReadable() throws IOException {
        WsgiInput in = input("a\nbb\nccc\n", 9);
        assertEquals(List.of("a\n", "bb\n"), texts(in.readlines(3)));
        assertEquals("ccc\n", text(in.readline()));
    }

    @Test
    void readlinesWithoutAPositiveHintReadsAll() throws IOException {
        String body = "a\nbb\nccc";
        assertEquals(List.of("a\n", "bb\n", "ccc"), texts(input(body, 8).readlines(0)));
        assertEquals(List.of("a\n", "bb\n", "ccc"), texts(input(body, 8).readlines(-1)));
    }

    @Test
    void iterationYieldsTheSameLinesAsReadlines() throws IOException {
        String body = "one\ntwo\r\n\nthree";
        List<String> iterated = new ArrayList<>();
        for (byte[] line : input(body, body.length())) {
            iterated.add(text(line));
        }
        assertEquals(texts(input(body, body.length()).readlines()), iterated);
        assertEquals(List.of("one\n", "two\r\n", "\n", "three"), iterated);
    }

    @Test
    void iteratorHasNextIsIdempotent() {
        WsgiInput in = input("x\ny", 3);
        var it = in.iterator();
        assertTrue(it.hasNext());
        assertTrue(it.hasNext());
        assertEquals("x\n", text(it.next()));
        assertEquals("y", text(it.next()));
        assertFalse(it.hasNext());
        assertThrows(java.util.NoSuchElementException.class, it::next);
    }

    @Test
    void mixingReadlineAndReadKeepsTheByteOrder() throws IOException {
        WsgiInput in = input("line1\nrest of it\nline3\n", 23);
        assertEquals("line1\n", text(in.readline()));
        assertEquals('r', in.read());
        byte[] four = new byte[4];
        assertEquals(4, in.readNBytes(four, 0, 4));
        assertEquals("est ", text(four));
        assertEquals("of it\n", text(in.readline()));
        assertEquals("line3\n", text(in.readAllBytes()));
    }

    @Test
    void closeDoesNotCloseTheSource() throws IOException {
        boolean[] closed = {false};
        InputStream source = new ByteArrayInputStream(bytes("abc")) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        new WsgiInput(source, 3).close();
        assertFalse(closed[0], "the container owns the request stream");
    }

    /** A truncated body must never pass as complete, even when the application reads again. */
    @Test
    void truncatedBodyKeepsFailing() throws IOException {
        WsgiInput in = input("abc", 10);
        assertThrows(EOFException.class, in::readAllBytes);
        assertThrows(EOFException.class, in::read);
        assertThrows(EOFException.class, in::readline);
    }
}
