package dev.wsgiservlet.sample;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of a query string or an {@code application/x-www-form-urlencoded} body, decoded as
 * UTF-8 ({@code +} is a space, {@code %XX} a byte), as browsers encode them.
 */
public final class FormData {

    private final Map<String, List<String>> fields;

    private FormData(Map<String, List<String>> fields) {
        this.fields = fields;
    }

    /**
     * Parses a WSGI native string, such as {@code QUERY_STRING}: each char is one byte
     * (ISO-8859-1).
     */
    public static FormData parse(String nativeString) {
        return parse(nativeString.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Parses a request body. */
    public static FormData parse(byte[] encoded) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        int start = 0;
        while (start <= encoded.length) {
            int end = indexOf(encoded, (byte) '&', start);
            if (end > start) {
                int eq = indexOf(encoded, (byte) '=', start);
                int nameEnd = Math.min(eq, end);
                String name = decode(encoded, start, nameEnd);
                String value = nameEnd < end ? decode(encoded, nameEnd + 1, end) : "";
                fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
            start = end + 1;
        }
        return new FormData(fields);
    }

    /** The first value of a field, or {@code null} when the field is absent. */
    public String first(String name) {
        List<String> values = fields.get(name);
        return values == null ? null : values.get(0);
    }

    /** Every value of a field, in order; empty when the field is absent. */
    public List<String> all(String name) {
        return Collections.unmodifiableList(fields.getOrDefault(name, List.of()));
    }

    /** The field names, in the order they first appeared. */
    public List<String> names() {
        return List.copyOf(fields.keySet());
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return bytes.length;
    }

    /** A '%' that does not start a valid escape stays as it is, as Python's unquote_plus does. */
    private static String decode(byte[] bytes, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '+') {
                out.write(' ');
            } else if (b == '%' && i + 2 < to && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
                out.write(hex(bytes[i + 1]) << 4 | hex(bytes[i + 2]));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }
}
