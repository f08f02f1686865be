package dev.wsgiservlet.middleware;

import static dev.wsgiservlet.middleware.LintFixture.app;
import static dev.wsgiservlet.middleware.LintFixture.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wsgiservlet.Header;
import dev.wsgiservlet.Write;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The application's side of start_response: status and headers. */
class LintStartResponseTest {

    private final LintFixture fixture = new LintFixture();

    /** Starts the response with the given status and headers, and expects Lint to refuse them before the server sees them. */
    private void expectLint(String fragment, String status, List<Header> headers) {
        fixture.expectLint(fragment, () -> fixture.call((environ, startResponse) -> {
            startResponse.call(status, headers);
            return List.of();
        }));
        assertEquals(0, fixture.server.calls, "a bad status or header must not reach the server");
    }

    private void expectLint(String fragment, Header... headers) {
        expectLint(fragment, "200 OK", Arrays.asList(headers));
    }

    private void expectPass(String status, Header... headers) throws Exception {
        List<Header> list = List.of(headers);
        fixture.run((environ, startResponse) -> {
            startResponse.call(status, list);
            return List.of();
        });
        assertSame(status, fixture.server.status);
        assertSame(list, fixture.server.headers);
        assertEquals("", fixture.log());
    }

    @Test
    void statusAndHeadersPassThroughUnchanged() throws Exception {
        expectPass("200 OK", new Header("Content-Type", "text/html; charset=utf-8"),
                new Header("Set-Cookie", "a=1"), new Header("Set-Cookie", "b=2"), new Header("X_Under_Score", "v"));
    }

    @Test
    void redirectWithoutContentTypePasses() throws Exception {
        expectPass("302 Found", new Header("Location", "/elsewhere"));
    }

    @Test
    void emptyReasonPasses() throws Exception {
        expectPass("200 ");
    }

    @Test
    void tabInReasonPasses() throws Exception {
        expectPass("599 Custom\tReason");
    }

    @Test
    void latin1AndTabInHeaderValuePass() throws Exception {
        expectPass("200 OK", new Header("X-Name", "caf\u00e9\tau lait\u00ff"));
    }

    @Test
    void bodylessStatusWithoutContentTypePasses() throws Exception {
        expectPass("204 No Content", new Header("ETag", "\"x\""));
    }

    @Test
    void nullStatus() {
        expectLint("status is null", null, List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"200", "200OK", "20 OK", "2000 OK", "abc OK", " 200 OK", "200-OK", "２００ OK"})
    void malformedStatus(String status) {
        expectLint("is not three digits, a space and a reason", status, List.of());
    }

    @Test
    void statusCodeBelow100() {
        expectLint("status code 099 is below 100", "099 Too Low", List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"200 O\nK", "200 O\rK", "200 OK\u0000", "200 O\u007fK"})
    void controlCharacterInStatus(String status) {
        expectLint("contains the control character", status, List.of());
    }

    @Test
    void statusOutsideLatin1() {
        expectLint("has U+20AC, outside ISO-8859-1", "200 \u20ac", List.of());
    }

    @Test
    void nullHeaderList() {
        expectLint("the headers list is null", "200 OK", null);
    }

    @Test
    void nullHeader() {
        expectLint("the headers list has null at index 1", new Header("A", "b"), null);
    }

    @Test
    void nullHeaderName() {
        expectLint("a header name is null", new Header(null, "b"));
    }

    @Test
    void nullHeaderValue() {
        expectLint("header 'X-A' has a null value", new Header("X-A", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "X Foo", "1Foo", "-Foo", "X:Foo", "X.Foo", "F\u00f6o", "X-Foo\r\nEvil"})
    void headerNameNotAToken(String name) {
        expectLint("does not match [A-Za-z][A-Za-z0-9-_]*", new Header(name, "v"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Foo-", "X_Foo_"})
    void headerNameEndsInDashOrUnderscore(String name) {
        expectLint("header name '" + name + "' ends in '" + name.charAt(name.length() - 1) + "'", new Header(name, "v"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Status", "status", "STATUS"})
    void statusHeader(String name) {
        expectLint("a header named 'Status' is not allowed", new Header(name, "200 OK"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\rb", "a\nb", "a\u0000b", "a\u0001b", "a\u001fb", "a\u007fb"})
    void controlCharacterInHeaderValue(String value) {
        expectLint("header 'X-A' value contains the control character U+00", new Header("X-A", value));
    }

    @Test
    void responseSplittingIsCaught() {
        expectLint("value contains the control character U+000D",
                new Header("Location", "/x\r\nSet-Cookie: session=stolen"));
    }

    @Test
    void headerValueOutsideLatin1() {
        expectLint("header 'X-A' value has U+20AC, outside ISO-8859-1", new Header("X-A", "5 \u20ac"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Connection", "keep-alive", "Proxy-Authenticate", "proxy-authorization", "TE",
            "Trailer", "Trailers", "Transfer-Encoding", "UPGRADE"})
    void hopByHopHeader(String name) {
        expectLint("hop-by-hop header '" + name + "'", new Header(name, "x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"204 No Content", "304 Not Modified"})
    void contentTypeOnBodylessStatus(String status) {
        expectLint("Content-Type header is not allowed with status " + status.substring(0, 3), status,
                List.of(new Header("content-type", "text/plain")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "abc", "", "1 ", "0x10"})
    void malformedContentLength(String value) {
        expectLint("Content-Length header '" + value + "' is not a non-negative decimal integer",
                new Header("Content-Length", value));
    }

    @Test
    void contentLengthTwice() {
        expectLint("Content-Length header given twice", new Header("Content-Length", "1"),
                new Header("content-length", "1"));
    }

    @Test
    void secondCallWithoutExcInfo() {
        fixture.expectLint("start_response called a second time without excInfo",
                () -> fixture.call((environ, startResponse) -> {
                    startResponse.call("200 OK", List.of());
                    startResponse.call("500 Internal Server Error", List.of());
                    return List.of();
                }));
        assertEquals(1, fixture.server.calls);
    }

    @Test
    void secondCallWithExcInfoReachesTheServer() throws Exception {
        RuntimeException failure = new RuntimeException("boom");
        String body = fixture.run((environ, startResponse) -> {
            startResponse.call("200 OK", List.of(new Header("Content-Length", "100")));
            startResponse.call("500 Internal Server Error", List.of(new Header("Content-Length", "5")), failure);
            return List.of(bytes("error"));
        });
        assertEquals("error", body);
        assertEquals(2, fixture.server.calls);
        assertEquals("500 Internal Server Error", fixture.server.status);
        assertSame(failure, fixture.server.excInfo);
        assertEquals("", fixture.log());
    }

    @Test
    void firstCallMayCarryExcInfo() throws Exception {
        RuntimeException failure = new RuntimeException("boom");
        fixture.run((environ, startResponse) -> {
            startResponse.call("500 Internal Server Error", List.of(), failure);
            return List.of();
        });
        assertSame(failure, fixture.server.excInfo);
    }

    @Test
    void excInfoRethrownByTheServerPropagates() {
        RuntimeException failure = new RuntimeException("already sent");
        LintFixture.Server rethrowing = new LintFixture.Server() {
            @Override
            public Write call(String status, List<Header> headers, Throwable excInfo) {
                if (excInfo != null) {
                    throw (RuntimeException) excInfo;
                }
                return super.call(status, headers, null);
            }
        };
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> new Lint((environ, startResponse) -> {
                    startResponse.call("200 OK", List.of());
                    startResponse.call("500 Error", List.of(), failure);
                    return List.of();
                }).call(fixture.environ, rethrowing));
        assertSame(failure, e);
    }

    @Test
    void serverReturningNullWrite() {
        LintError e = assertThrows(LintError.class,
                () -> new Lint(app(List.of())).call(fixture.environ, (status, headers, excInfo) -> null));
        assertEquals("start_response returned null instead of a write() callable", e.getMessage());
    }
}
