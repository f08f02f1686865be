package dev.wsgiservlet;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseRulesTest {

    // --- statusCode -----------------------------------------------------------------------------

    @Test
    void acceptsWellFormedStatuses() {
        assertEquals(200, ResponseRules.statusCode("200 OK"));
        assertEquals(200, ResponseRules.statusCode("200 "));
        assertEquals(404, ResponseRules.statusCode("404 Not Found"));
        assertEquals(599, ResponseRules.statusCode("599 Custom"));
        assertEquals(200, ResponseRules.statusCode("200 Tr\u00E8s bien"));
        assertEquals(200, ResponseRules.statusCode("200 with\ttab"));
    }

    @Test
    void rejectsNullStatus() {
        assertThrows(IllegalArgumentException.class, () -> ResponseRules.statusCode(null));
    }

    static Stream<String> malformedStatuses() {
        return Stream.of("200", "20 OK", "2000 X", "abc OK", "200-OK", "200 OK\r\nX: y", "200 O\u0000K",
                "200 \u20AC", "100 Continue", "101 Switching", "099 X", "", " 200 OK", "200\tOK",
                "200 OK\u007F", "\uFF12\uFF10\uFF10 OK");
    }

    @ParameterizedTest
    @MethodSource("malformedStatuses")
    void rejectsMalformedStatusQuotingIt(String status) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResponseRules.statusCode(status));
        assertTrue(e.getMessage().contains(escaped(status)), () -> "message should quote the status: " + e.getMessage());
        assertNoRawControlChars(e.getMessage());
    }

    @Test
    void crlfInStatusIsEscapedInTheMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResponseRules.statusCode("200 OK\r\nX: y"));
        assertTrue(e.getMessage().contains("\"200 OK\\x0d\\x0aX: y\""), e.getMessage());
    }

    // --- checkHeader ----------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"X-Custom", "x_y", "Content-Type", "!#$%&'*+-.^_`|~", "a", "X1"})
    void acceptsTokenNames(String name) {
        assertDoesNotThrow(() -> ResponseRules.checkHeader(new Header(name, "v")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "a\tb", "caf\u00E9", "\u0080\u00FF", " leading and trailing ",
        "!\"#$%&'()*+,-./0123456789:;<=>?@[\\]^_`{|}~"})
    void acceptsFieldValues(String value) {
        assertDoesNotThrow(() -> ResponseRules.checkHeader(new Header("X-V", value)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "X Custom", "X:Custom", "X-Custom:", "caf\u00E9", "X\u20AC", "(x)",
        "a/b", "a\"b", "a\tb", "a\r\nb", "X\u007F"})
    void rejectsNonTokenNames(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResponseRules.checkHeader(new Header(name, "v")));
        assertNoRawControlChars(e.getMessage());
    }

    @Test
    void rejectsNullHeaderNameOrValue() {
        assertThrows(IllegalArgumentException.class, () -> ResponseRules.checkHeader(new Header(null, "v")));
        assertThrows(IllegalArgumentException.class, () -> ResponseRules.checkHeader(new Header("X", null)));
        assertThrows(IllegalArgumentException.class, () -> ResponseRules.checkHeader(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\rb", "a\nb", "a\r\nSet-Cookie: x=y", "a\u0000b", "a\u007Fb", "\u0001",
        "a\u001Fb", "\u20AC", "a\u0100b", "\uD83D\uDE00"})
    void rejectsBadValues(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResponseRules.checkHeader(new Header("X-V", value)));
        assertTrue(e.getMessage().contains("X-V"), e.getMessage());
        assertNoRawControlChars(e.getMessage());
    }

    static Stream<String> hopByHopNames() {
        return Stream.of("Connection", "Keep-Alive", "Proxy-Authenticate", "Proxy-Authorization", "TE",
                "Trailer", "Trailers", "Transfer-Encoding", "Upgrade")
                .flatMap(n -> Stream.of(n, n.toLowerCase(Locale.ROOT), n.toUpperCase(Locale.ROOT), alternateCase(n)));
    }

    @ParameterizedTest
    @MethodSource("hopByHopNames")
    void rejectsHopByHopHeadersInAnyCase(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResponseRules.checkHeader(new Header(name, "close")));
        assertTrue(e.getMessage().contains(name), e.getMessage());
    }

    @Test
    void endToEndHeadersThatMerelyResembleHopByHopNamesAreAccepted() {
        assertDoesNotThrow(() -> ResponseRules.checkHeader(new Header("Connection-Id", "1")));
        assertDoesNotThrow(() -> ResponseRules.checkHeader(new Header("X-Upgrade", "1")));
        assertDoesNotThrow(() -> ResponseRules.checkHeader(new Header("Tes", "1")));
    }

    // --- contentLength --------------------------------------------------------------------------

    @Test
    void contentLengthParsesDigits() {
        assertEquals(0, ResponseRules.contentLength("0"));
        assertEquals(12345, ResponseRules.contentLength("12345"));
        assertEquals(7, ResponseRules.contentLength("007"));
        assertEquals(999_999_999_999_999_999L, ResponseRules.contentLength("999999999999999999"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "1.0", " 1", "1 ", "+1", "0x10", "1e3", "1,2", "\uFF11",
        "1000000000000000000", "99999999999999999999"})
    void contentLengthRejectsNonDigits(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResponseRules.contentLength(value));
        assertTrue(e.getMessage().contains("\"" + value + "\""), e.getMessage());
    }

    // --- forbidsBody ----------------------------------------------------------------------------

    @Test
    void onlyNoContentAndNotModifiedForbidABody() {
        assertTrue(ResponseRules.forbidsBody(204));
        assertTrue(ResponseRules.forbidsBody(304));
        for (int code : new int[] {200, 201, 205, 206, 301, 302, 303, 307, 400, 404, 500, 599}) {
            assertFalse(ResponseRules.forbidsBody(code), "status " + code);
        }
    }

    // --- helpers --------------------------------------------------------------------------------

    /** The status as the messages quote it: control chars as \xNN. */
    private static String escaped(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            out.append(c < 0x20 || c == 0x7F ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return out.append('"').toString();
    }

    private static void assertNoRawControlChars(String message) {
        for (char c : message.toCharArray()) {
            assertFalse(c < 0x20 || c == 0x7F, () -> "raw control char in message: " + message);
        }
    }

    private static String alternateCase(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(i % 2 == 0 ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return out.toString();
    }

    /** The messages of rejected headers end up in logs and 500 pages: no raw CR/LF there either. */
    @Test
    void nullNameOrValueMessageHasNoRawControlChars() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResponseRules.checkHeader(new Header(null, "a\r\nSet-Cookie: x=y")));
        assertNoRawControlChars(e.getMessage());
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
                () -> ResponseRules.checkHeader(new Header("X\r\nY", null)));
        assertNoRawControlChars(e2.getMessage());
    }
}
