package dev.wsgiservlet.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class HeaderValueTest {

    @Test
    void readsTheMediaType() {
        assertEquals("multipart/form-data", HeaderValue.mediaType(" Multipart/Form-Data ; boundary=x"));
        assertEquals("text/plain", HeaderValue.mediaType("text/plain"));
        assertEquals("", HeaderValue.mediaType(null));
    }

    @Test
    void readsTokenAndQuotedParameters() {
        String disposition = "form-data; name=\"file\"; filename=\"a \\\"quoted\\\" name;.txt\"; size=12";
        assertEquals("file", HeaderValue.parameter(disposition, "name"));
        assertEquals("a \"quoted\" name;.txt", HeaderValue.parameter(disposition, "FILENAME"));
        assertEquals("12", HeaderValue.parameter(disposition, "size"));
        assertNull(HeaderValue.parameter(disposition, "missing"));
        assertNull(HeaderValue.parameter("form-data", "name"));
    }

    @Test
    void keepsTheBackslashesOfAWindowsPath() {
        assertEquals("C:\\temp\\x.txt", HeaderValue.parameter("form-data; filename=\"C:\\temp\\x.txt\"", "filename"));
    }

    @Test
    void skipsParametersWithoutValue() {
        assertEquals("v", HeaderValue.parameter("x; flag; k=v", "k"));
        assertNull(HeaderValue.parameter("x; flag", "flag"));
    }
}
