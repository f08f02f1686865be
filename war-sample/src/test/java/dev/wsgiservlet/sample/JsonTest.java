package dev.wsgiservlet.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertEquals("\"say \\\"hi\\\" \\\\ bye\"", Json.quote("say \"hi\" \\ bye"));
        assertEquals("\"\\n\\r\\t\\b\\f\\u0000\\u001f\"", Json.quote("\n\r\t\b\f\u0000\u001f"));
    }

    @Test
    void keepsNonAsciiButEscapesLineSeparatorsAndLoneSurrogates() {
        assertEquals("\"\u00e9\u20ac\ud83d\ude00 / <>\"", Json.quote("\u00e9\u20ac\ud83d\ude00 / <>"));
        assertEquals("\"\\u2028\\u2029\"", Json.quote("\u2028\u2029"));
        assertEquals("\"\\ud83d.\\ude00\"", Json.quote("\ud83d.\ude00"));
    }

    @Test
    void writesNestedValues() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("s", "x");
        map.put("n", 42);
        map.put("d", 1.5);
        map.put("b", true);
        map.put("nothing", null);
        map.put("list", List.of(1, "two", List.of()));
        map.put("map", Map.of("k", "v"));
        assertEquals("{\"s\":\"x\",\"n\":42,\"d\":1.5,\"b\":true,\"nothing\":null,"
                + "\"list\":[1,\"two\",[]],\"map\":{\"k\":\"v\"}}", Json.write(map));
        assertEquals("[null]", Json.write(Arrays.asList((Object) null)));
    }

    @Test
    void refusesWhatJsonCannotSay() {
        assertThrows(IllegalArgumentException.class, () -> Json.write(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
    }
}
