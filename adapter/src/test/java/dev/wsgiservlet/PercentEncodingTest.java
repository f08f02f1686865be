package dev.wsgiservlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class PercentEncodingTest {

    private static String decode(String s) {
        return PercentEncoding.decode(s, 0, s.length());
    }

    @Test
    void decodesEscapesToOneCharPerByte() {
        assertEquals("caf\u00C3\u00A9", decode("caf%C3%A9"));
        assertEquals("caf\u00C3\u00A9", decode("caf%c3%a9"));
        assertEquals("\u0000\u00FF", decode("%00%FF"));
        assertEquals("a b/c", decode("a%20b%2Fc"));
        assertEquals("%", decode("%25"));
        assertEquals("%41", decode("%2541"), "decoded once, not twice");
    }

    @Test
    void keepsTextWithoutEscapes() {
        assertEquals("plain/path;x=1", decode("plain/path;x=1"));
        assertEquals("", decode(""));
    }

    @Test
    void keepsInvalidEscapesLiterally() {
        assertEquals("%zz", decode("%zz"));
        assertEquals("%4", decode("%4"));
        assertEquals("a%", decode("a%"));
        assertEquals("%A", decode("%%41"));
        assertEquals("%g0x", decode("%g0x"));
        assertEquals("%0gx", decode("%0gx"));
    }

    @Test
    void decodesOnlyTheGivenRange() {
        String s = "%41%42%43";
        assertEquals("B", PercentEncoding.decode(s, 3, 6));
        // an escape cut by the end of the range is not decoded
        assertEquals("A%4", PercentEncoding.decode(s, 0, 5));
        assertEquals("%", PercentEncoding.decode(s, 3, 4));
    }

    @Test
    void encodePathKeepsPathCharacters() {
        String safe = "/abcXYZ019-._~!$&'()*+,;=:@";
        assertSame(safe, PercentEncoding.encodePath(safe));
        assertEquals("", PercentEncoding.encodePath(""));
    }

    @Test
    void encodePathEscapesEverythingElseByByte() {
        assertEquals("/caf%C3%A9", PercentEncoding.encodePath("/caf\u00C3\u00A9"));
        assertEquals("/a%20b", PercentEncoding.encodePath("/a b"));
        assertEquals("/100%25", PercentEncoding.encodePath("/100%"));
        assertEquals("/a%3Fb%23c", PercentEncoding.encodePath("/a?b#c"));
        assertEquals("%00%7F%FF", PercentEncoding.encodePath("\u0000\u007F\u00FF"));
        assertEquals("%22%3C%3E%5C%5E%60%7B%7C%7D", PercentEncoding.encodePath("\"<>\\^`{|}"));
    }

    @Test
    void encodeThenDecodeIsTheIdentityForEveryByte() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c <= 0xFF; c++) {
            all.append(c);
        }
        String bytes = all.toString();
        assertEquals(bytes, decode(PercentEncoding.encodePath(bytes)));
    }

    /** Only ASCII hex digits make an escape, as in Python's unquote; Character.digit also takes others. */
    @Test
    void nonAsciiDigitsDoNotMakeAnEscape() {
        assertEquals("%\uFF10\uFF10", decode("%\uFF10\uFF10"));
        assertEquals("%\u0661\u0662", decode("%\u0661\u0662"));
    }
}
