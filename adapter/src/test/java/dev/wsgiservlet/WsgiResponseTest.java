package dev.wsgiservlet;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WsgiResponseTest {

    /** What the servlet response was told, in order. */
    private final List<String> events = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private final RecordingOutput output = new RecordingOutput();
    private IOException getOutputStreamFailure;

    private final class RecordingOutput extends ServletOutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int flushes;
        IOException writeFailure;
        IOException flushFailure;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (writeFailure != null) {
                throw writeFailure;
            }
            bytes.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            if (flushFailure != null) {
                throw flushFailure;
            }
            flushes++;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
        }

        String text() {
            return bytes.toString(ISO_8859_1);
        }
    }

    private HttpServletResponse servletResponse() {
        Map<String, Stubs.Answer> answers = new HashMap<>();
        answers.put("setStatus", args -> events.add("status " + args[0]));
        answers.put("addHeader", args -> events.add(args[0] + ": " + args[1]));
        answers.put("setContentLengthLong", args -> events.add("length " + args[0]));
        answers.put("getOutputStream", args -> {
            if (getOutputStreamFailure != null) {
                throw getOutputStreamFailure;
            }
            return output;
        });
        // anything else the class might call would be recorded as a surprise
        answers.put("setHeader", args -> events.add("set " + args[0] + ": " + args[1]));
        answers.put("setContentLength", args -> events.add("unexpected setContentLength " + args[0]));
        answers.put("sendError", args -> events.add("unexpected sendError " + args[0]));
        return Stubs.stub(HttpServletResponse.class, answers);
    }

    private WsgiResponse response(boolean head) {
        return new WsgiResponse(servletResponse(), Stubs.loggingContext(log), head);
    }

    private WsgiResponse response() {
        return response(false);
    }

    private WsgiResponse hinted(boolean head) {
        return new WsgiResponse(servletResponse(), Stubs.loggingContext(log), head, true);
    }

    private static List<Header> headers(String... namesAndValues) {
        List<Header> list = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            list.add(new Header(namesAndValues[i], namesAndValues[i + 1]));
        }
        return list;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(ISO_8859_1);
    }

    // --- deferred headers -----------------------------------------------------------------------

    @Test
    void startResponseHandsNothingToTheContainer() throws Exception {
        WsgiResponse r = response();
        r.call("200 OK", headers("Content-Type", "text/plain"));
        assertEquals(List.of(), events);
        assertTrue(r.started());
        assertFalse(r.headersSent());
    }

    @Test
    void startResponseReturnsTheWriteCallable() throws Exception {
        WsgiResponse r = response();
        assertSame(r, r.call("200 OK", headers()));
    }

    @Test
    void headersGoOutWithTheFirstNonEmptyBlock() throws Exception {
        WsgiResponse r = response();
        r.call("201 Created", headers("Content-Type", "text/plain", "X-A", "1", "X-A", "2"));
        assertTrue(r.send(bytes("body"), true));
        assertEquals(List.of("status 201", "Content-Type: text/plain", "X-A: 1", "X-A: 2"), events);
        assertEquals("body", output.text());
        assertTrue(r.headersSent());
    }

    @Test
    void emptyBlocksDoNotCommit() throws Exception {
        WsgiResponse r = response();
        r.call("200 OK", headers());
        assertTrue(r.send(new byte[0], true));
        r.write(new byte[0]);
        assertEquals(List.of(), events);
        assertEquals(0, output.flushes);
        assertFalse(r.headersSent());
    }

    @Test
    void headersAreSentOnlyOnce() throws Exception {
        WsgiResponse r = response();
        r.call("200 OK", headers("X-A", "1"));
        r.send(bytes("a"), false);
        r.send(bytes("b"), false);
        r.finish(-1);
        assertEquals(List.of("status 200", "X-A: 1"), events);
        assertEquals("ab", output.text());
    }

    @Test
    void finishSendsTheHeadersOfAnEmptyBody() throws Exception {
        WsgiResponse r = response();
        r.call("200 OK", headers("X-A", "1"));
        r.finish(0);
        assertEquals(List.of("status 200", "X-A: 1", "length 0"), events);
    }

    @Test
    void finishGivesTheKnownLengthWhenTheApplicationDeclaredNone() throws Exception {
        WsgiResponse r = response();
        r.call("200 OK", headers());
        r.finish(42);
        assertEquals(List.of("status 200", "length 42"), events);
    }

    @Test
    void finishBeforeStartResponseIsAnError() {
        assertThrows(IllegalStateException.class, () -> response().finish(-1));
    }

    // --- start_response called twice ------------------------------------------------------------

    @Test
    void secondStartResponseWithoutExcInfoIsRejected() throws Exception {
        WsgiResponse r = response();
        r.call("200 OK", headers("X-First", "1"));
        assertThrows(IllegalStateException.class, () -> r.call("500 Oops", headers("X-Second", "2")));
        assertThrows(IllegalStateException.class, () -> r.call("500 Oops", headers("X-Second", "2"), null));
        r.send(bytes("x"), true);
        assertEquals(List.of("status 200", "X-First: 1"), events);
    }

    @Test
    void excInfoBeforeTheHeadersWereSentReplacesThem() throws Exception {
        WsgiResponse r = response();
        r.call("200 OK", headers("X-First", "1", "Content-Length", "100"));
        r.call("500 Internal Server Error", headers("Content-Type", "text/plain"), new RuntimeException("app error"));
        r.send(bytes("oops"), true);
        assertEquals(List.of("status 500", "Content-Type: text/plain"), events);
        assertEquals(-1, r.declaredLength());
        assertEquals("oops", output.text());
        r.finish(-1); // the replaced Content-Length of 100 no longer applies
    }

    @Test
    void excInfoOnTheFirstCallIsAccepted() throws Exception {
        WsgiResponse r = response();
        r.call("500 Error", headers(), new IllegalStateException("earlier failure"));
        r.finish(-1);
        assertEquals(List.of("status 500"), events);
    }

    @Test
    void excInfoAfterTheHeadersWereSentRethrowsTheSameRuntimeException() throws Exception {
        WsgiResponse r = headersAlreadySent();
        RuntimeException original = new IllegalArgumentException("original");
        assertSame(original, assertThrows(IllegalArgumentException.class,
                () -> r.call("500 Error", headers(), original)));
    }

    /** A checked exception that is neither IOException nor RuntimeException. */
    private static final class CheckedAppException extends Exception {
        CheckedAppException(String message) {
            super(message);
        }
    }

    /** An Error subclass, to be sure Errors are rethrown unchanged too. */
    private static final class AppError extends Error {
        AppError(String message) {
            super(message);
        }
    }

    @Test
    void excInfoAfterTheHeadersWereSentRethrowsTheSameCheckedException() throws Exception {
        WsgiResponse r = headersAlreadySent();
        Exception original = new CheckedAppException("checked");
        assertSame(original, assertThrows(CheckedAppException.class, () -> r.call("500 Error", headers(), original)));
    }

    @Test
    void excInfoAfterTheHeadersWereSentRethrowsTheSameError() throws Exception {
        WsgiResponse r = headersAlreadySent();
        Error original = new AppError("error");
        assertSame(original, assertThrows(AppError.class, () -> r.call("500 Error", headers(), original)));
    }

    @Test
    void excInfoAfterTheHeadersWereSentRethrowsEvenWithAMalformedStatus() throws Exception {
        WsgiResponse r = headersAlreadySent();
        RuntimeException original = new RuntimeException("original");
        assertSame(original, assertThrows(RuntimeException.class, () -> r.call("bad", null, original)));
        assertEquals(List.of("status 200"), events, "nothing changes on the wire");
    }

    private WsgiResponse headersAlreadySent() throws Exception {
        WsgiResponse r = response();
        r.call("200 OK", headers());
        r.send(bytes("x"), true);
        return r;
    }

    // --- malformed status and headers -----------------------------------------------------------

    @Test
    void malformedStatusLeavesThePendingStateUnchanged() throws Exception {
        WsgiResponse r = response();
        r.call("200 OK", headers("X-A", "1", "Content-Length", "3"));
        assertThrows(IllegalArgumentException.class,
                () -> r.call("oops", headers("X-B", "2"), new RuntimeException()));
        r.send(bytes("abc"), true);
        assertEquals(List.of("status 200", "X-A: 1", "length 3"), events);
    }

    @Test
    void malformedHeaderLeavesThePendingStateUnchanged() throws Exception {
        WsgiResponse r = response();
        r.call("200 OK", headers("X-A", "1"));
        assertThrows(IllegalArgumentException.class, () -> r.call("500 Error",
                headers("X-B", "2", "X-Evil", "a\r\nSet-Cookie: x=y"), new RuntimeException()));
        assertThrows(IllegalArgumentException.class, () -> r.call("500 Error",
                headers("Connection", "close"), new RuntimeException()));
        assertThrows(IllegalArgumentException.class, () -> r.call("500 Error",
                headers("Content-Length", "-1"), new RuntimeException()));
        assertThrows(IllegalArgumentException.class, () -> r.call("500 Error", null, new RuntimeException()));
        r.send(bytes("x"), true);
        assertEquals(List.of("status 200", "X-A: 1"), events);
    }

    @Test
    void failedFirstStartResponseLeavesItUncalled() throws Exception {
        WsgiResponse r = response();
        assertThrows(IllegalArgumentException.class, () -> r.call("200", headers()));
        assertFalse(r.started());
        assertThrows(IllegalStateException.class, () -> r.write(bytes("x")));
        r.call("200 OK", headers()); // a corrected call without exc_info is still the first one
        r.send(bytes("x"), true);
        assertEquals(List.of("status 200"), events);
    }

    @Test
    void informationalStatusIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> response().call("103 Early Hints", headers()));
    }

    // --- Content-Length -------------------------------------------------------------------------

    @Test
    void contentLengthIsGivenToTheContainerAsALength() throws Exception {
        WsgiResponse r = response();
        r.call("200 OK", headers("content-length", "5", "X-A", "1"));
        r.send(bytes("hello"), true);
        assertEquals(List.of("status 200", "X-A: 1", "length 5"), events);
        assertEquals(5, r.declaredLength());
    }

    @Test
    void twoDifferentContentLengthsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> response().call("200 OK", headers("Content-Length", "5", "Content-Length", "6")));
        assertTrue(e.getMessage().contains("5") && e.getMessage().contains("6"), e.getMessage());
    }

    @Test
    void twoEqualContentLengthsAreAccepted() throws Exception {
        WsgiResponse r = response();
        r.call("200 OK", headers("Content-Length", "5", "CONTENT-LENGTH", "5"));
        r.send(bytes("hello"), true);
        assertEquals(List.of("status 200", "length 5"), events);
    }

    @Test
    void overrunIsCutAtContentLength() throws Exception {
        WsgiResponse r = response();
        r.call("200 OK", headers("Content-Length", "5"));
        assertTrue(r.send(bytes("abc"), true));
        assertFalse(r.send(bytes("defgh"), true), "the block that reaches the limit ends the body");
        assertFalse(r.send(bytes("ijk"), true));
        assertFalse(r.send(new byte[0], true));
        assertEquals("abcde", output.text());
        assertEquals(1, log.size(), "the cut is logged once");
        assertTrue(log.get(0).contains("5"), log.get(0));
        r.finish(-1);
    }

    @Test
    void overrunInASingleBlock() throws Exception {
        WsgiResponse r = response();
        r.call("200 OK", headers("Content-Length", "2"));
        assertFalse(r.send(bytes("too long"), true));
        assertEquals("to", output.text());
    }

    @Test
    void overrunThroughWriteIsCutToo() throws Exception {
        WsgiResponse r = response();
        Write write = r.call("200 OK", headers("Content-Length", "3"));
        write.write(bytes("abcdef"));
        write.write(bytes("more"));
        assertEquals("abc", output.text());
    }

    @Test
    void exactLengthIsNotAnOverrun() throws Exception {
        WsgiResponse r = response();
        r.call("200 OK", headers("Content-Length", "5"));
        assertTrue(r.send(bytes("ab"), true));
        assertTrue(r.send(bytes("cde"), true));
        r.finish(-1);
        assertEquals("abcde", output.text());
        assertEquals(List.of(), log);
    }

    @Test
    void shortBodyAfterTheHeadersWereSentIsAShortBodyException() throws Exception {
        WsgiResponse r = response();
        r.call("200 OK", headers("Content-Length", "10"));
        r.send(bytes("abc"), true);
        ShortBodyException e = assertThrows(ShortBodyException.class, () -> r.finish(-1));
        assertTrue(e.getMessage().contains("10") && e.getMessage().contains("3"), e.getMessage());
    }

    @Test
    void shortBodyBeforeTheHeadersWereSentIsAPlainIllegalState() throws Exception {
        WsgiResponse r = response();
        r.call("200 OK", headers("Content-Length", "10"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.finish(-1));
        assertEquals(IllegalStateException.class, e.getClass(), "not a ShortBodyException: a clean 500 is still possible");
        assertFalse(r.headersSent());
        assertEquals(List.of(), events);
    }

    // --- responses without a body ---------------------------------------------------------------

    @Test
    void headSendsStatusHeadersAndLengthButNoBytes() throws Exception {
        WsgiResponse r = response(true);
        r.call("200 OK", headers("Content-Type", "text/plain", "Content-Length", "11"));
        assertTrue(r.send(bytes("hello"), true));
        r.finish(-1);
        assertEquals(List.of("status 200", "Content-Type: text/plain", "length 11"), events);
        assertEquals("", output.text());
        assertFalse(r.bodyAllowed());
    }

    @Test
    void headWithAnEmptyIterableStillSendsTheHeaders() throws Exception {
        WsgiResponse r = response(true);
        r.call("200 OK", headers("X-A", "1", "Content-Length", "11"));
        r.finish(-1);
        assertEquals(List.of("status 200", "X-A: 1", "length 11"), events);
    }

    @Test
    void noContentWritesNoBytesAndNoLength() throws Exception {
        for (String status : new String[] {"204 No Content", "304 Not Modified"}) {
            events.clear();
            WsgiResponse r = response();
            r.call(status, headers("ETag", "\"x\"", "Content-Length", "5"));
            assertTrue(r.send(bytes("hello"), true));
            r.write(bytes("more"));
            r.finish(9);
            assertEquals(List.of("status " + status.substring(0, 3), "ETag: \"x\""), events, status);
            assertEquals("", output.text(), status);
        }
    }

    @Test
    void noContentOnHeadGetsNoLengthEither() throws Exception {
        WsgiResponse r = response(true);
        r.call("304 Not Modified", headers("Content-Length", "5"));
        r.finish(-1);
        assertEquals(List.of("status 304"), events);
    }

    // --- write() --------------------------------------------------------------------------------

    @Test
    void writeBeforeStartResponseIsAnError() {
        WsgiResponse r = response();
        assertThrows(IllegalStateException.class, () -> r.write(bytes("x")));
        assertThrows(IllegalStateException.class, () -> r.send(bytes("x"), true));
        assertEquals(List.of(), events);
    }

    @Test
    void writeNullIsAnError() throws Exception {
        WsgiResponse r = response();
        r.call("200 OK", headers());
        assertThrows(IllegalArgumentException.class, () -> r.write(null));
        assertEquals(List.of(), events);
    }

    @Test
    void writeSendsAndFlushesAtOnce() throws Exception {
        WsgiResponse r = response();
        assertFalse(r.writeUsed());
        Write write = r.call("200 OK", headers());
        write.write(bytes("now"));
        assertEquals("now", output.text());
        assertEquals(1, output.flushes);
        assertTrue(r.writeUsed());
    }

    @Test
    void sendFlushesOnlyWhenAsked() throws Exception {
        WsgiResponse r = response();
        r.call("200 OK", headers());
        r.send(bytes("a"), false);
        assertEquals(0, output.flushes);
        r.send(bytes("b"), true);
        assertEquals(1, output.flushes);
        assertEquals("ab", output.text());
    }

    // --- the client going away ------------------------------------------------------------------

    @Test
    void writeFailureMeansTheClientDisconnected() throws Exception {
        WsgiResponse r = response();
        r.call("200 OK", headers());
        IOException broken = new IOException("Broken pipe");
        output.writeFailure = broken;
        ClientDisconnectedException e = assertThrows(ClientDisconnectedException.class, () -> r.send(bytes("x"), true));
        assertSame(broken, e.getCause());
    }

    @Test
    void flushFailureMeansTheClientDisconnected() throws Exception {
        WsgiResponse r = response();
        Write write = r.call("200 OK", headers());
        output.flushFailure = new IOException("Connection reset");
        assertInstanceOf(ClientDisconnectedException.class, assertThrows(IOException.class, () -> write.write(bytes("x"))));
    }

    @Test
    void getOutputStreamFailureMeansTheClientDisconnected() throws Exception {
        WsgiResponse r = response();
        r.call("200 OK", headers());
        getOutputStreamFailure = new IOException("closed");
        assertThrows(ClientDisconnectedException.class, () -> r.send(bytes("x"), true));
    }

    // --- the chunked hint (ChunkedHint) ---------------------------------------------------------

    @Test
    void chunkedHintMarksAStreamedBodyOfUnknownLength() throws Exception {
        WsgiResponse r = hinted(false);
        r.call("200 OK", headers("Content-Type", "text/plain"));
        r.send(new byte[0], true);
        assertEquals(List.of(), events, "an empty block commits nothing, the hint included");
        r.send(bytes("one"), true);
        r.send(bytes("two"), true);
        assertEquals(List.of("set Transfer-Encoding: chunked", "status 200", "Content-Type: text/plain"), events);
        assertEquals("onetwo", output.text());
    }

    @Test
    void chunkedHintMarksWriteOutput() throws Exception {
        WsgiResponse r = hinted(false);
        r.call("200 OK", headers()).write(bytes("written"));
        assertEquals(List.of("set Transfer-Encoding: chunked", "status 200"), events);
    }

    @Test
    void chunkedHintIsNotGivenWhenTheLengthIsKnown() throws Exception {
        WsgiResponse declared = hinted(false);
        declared.call("200 OK", headers("Content-Length", "3"));
        declared.send(bytes("abc"), true);
        declared.finish(-1);
        assertEquals(List.of("status 200", "length 3"), events);

        events.clear();
        WsgiResponse computed = hinted(false);
        computed.call("200 OK", headers());
        computed.sendHeaders(3);
        computed.send(bytes("abc"), false);
        computed.finish(-1);
        assertEquals(List.of("status 200", "length 3"), events);
    }

    @Test
    void chunkedHintIsNotGivenWithoutABody() throws Exception {
        WsgiResponse empty = hinted(false);
        empty.call("200 OK", headers());
        empty.finish(-1);
        assertEquals(List.of("status 200"), events, "an empty body: the container computes its length");

        events.clear();
        WsgiResponse head = hinted(true);
        head.call("200 OK", headers());
        head.send(bytes("ignored"), true);
        assertEquals(List.of("status 200"), events);

        events.clear();
        WsgiResponse noContent = hinted(false);
        noContent.call("204 No Content", headers());
        noContent.send(bytes("ignored"), true);
        assertEquals(List.of("status 204"), events);
    }

    // --- headers the container sets itself ------------------------------------------------------

    @Test
    void applicationsDateAndServerReplaceTheContainersOwn() throws Exception {
        WsgiResponse r = response();
        r.call("200 OK", headers("server", "app/1", "Date", "Mon, 01 Jan 2024 00:00:00 GMT", "X-A", "1"));
        r.send(bytes("x"), true);
        assertEquals(List.of("status 200", "set server: app/1", "set Date: Mon, 01 Jan 2024 00:00:00 GMT", "X-A: 1"),
                events);
    }

    @Test
    void repeatedDateOrServerHeadersAreAddedAfterTheFirst() throws Exception {
        WsgiResponse r = response();
        r.call("200 OK", headers("Server", "a", "Server", "b", "Date", "d1", "DATE", "d2"));
        r.finish(-1);
        assertEquals(List.of("status 200", "set Server: a", "Server: b", "set Date: d1", "DATE: d2"), events);
    }
}
