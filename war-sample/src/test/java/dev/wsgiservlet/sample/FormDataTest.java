package dev.wsgiservlet.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormDataTest {

    @Test
    void decodesPlusAndPercentAsUtf8() {
        FormData form = FormData.parse("name=J%C3%BCrgen+M%C3%BCller&city=K%C3%B6ln");
        assertEquals("J\u00fcrgen M\u00fcller", form.first("name"));
        assertEquals("K\u00f6ln", form.first("city"));
        assertEquals(List.of("name", "city"), form.names());
    }

    @Test
    void aLiteralPlusIsPercentEncoded() {
        assertEquals("1+1 = 2", FormData.parse("q=1%2B1+%3D+2").first("q"));
    }

    @Test
    void keepsRepeatedFieldsInOrder() {
        FormData form = FormData.parse("a=1&b=2&a=3");
        assertEquals(List.of("1", "3"), form.all("a"));
        assertEquals("1", form.first("a"));
        assertEquals(List.of(), form.all("missing"));
        assertNull(form.first("missing"));
    }

    @Test
    void handlesEmptyPiecesAndMissingValues() {
        FormData form = FormData.parse("&&flag&empty=&=nameless&x=a=b&");
        assertEquals("", form.first("flag"));
        assertEquals("", form.first("empty"));
        assertEquals("nameless", form.first(""));
        assertEquals("a=b", form.first("x"));
        assertEquals(List.of("flag", "empty", "", "x"), form.names());
        assertEquals(List.of(), FormData.parse("").names());
    }

    @Test
    void keepsABrokenEscapeAsItIs() {
        assertEquals("100% sure %zz %4", FormData.parse("v=100%25+sure+%zz+%4").first("v"));
        assertEquals("%", FormData.parse("v=%").first("v"));
    }

    @Test
    void readsRawUtf8BytesOfANativeString() {
        // A browser may send raw non-ASCII bytes; WSGI gives them as ISO-8859-1 chars.
        String nativeQuery = new String("n=\u00e9t\u00e9".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertEquals("\u00e9t\u00e9", FormData.parse(nativeQuery).first("n"));
    }

    @Test
    void parsesABodyGivenAsBytes() {
        FormData form = FormData.parse("name=%3Cb%3E".getBytes(StandardCharsets.US_ASCII));
        assertEquals("<b>", form.first("name"));
    }
}
