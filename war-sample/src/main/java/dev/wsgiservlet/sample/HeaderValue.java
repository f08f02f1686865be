package dev.wsgiservlet.sample;

import java.util.Locale;

/**
 * Reads structured header values such as {@code multipart/form-data; boundary="abc"} or
 * {@code form-data; name="file"; filename="a.txt"}.
 */
public final class HeaderValue {

    private HeaderValue() {
    }

    /** The part before the first {@code ;}, trimmed and lower-cased; empty for {@code null}. */
    public static String mediaType(String value) {
        if (value == null) {
            return "";
        }
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /**
     * A parameter after the first {@code ;}, as a token or a quoted string; {@code null} when
     * absent. Names compare case-insensitively.
     *
     * <p>In a quoted string a backslash escapes only {@code "} and {@code \}: browsers do not
     * escape the backslashes of a Windows file name, so other backslashes stay as they are.
     */
    public static String parameter(String value, String name) {
        if (value == null) {
            return null;
        }
        int i = value.indexOf(';');
        while (i >= 0 && i < value.length()) {
            i = skipSpace(value, i + 1);
            int eq = i;
            while (eq < value.length() && value.charAt(eq) != '=' && value.charAt(eq) != ';') {
                eq++;
            }
            String key = value.substring(i, eq).trim();
            if (eq >= value.length() || value.charAt(eq) == ';') {
                i = eq;
                continue;
            }
            int start = skipSpace(value, eq + 1);
            StringBuilder parsed = new StringBuilder();
            int end;
            if (start < value.length() && value.charAt(start) == '"') {
                end = start + 1;
                while (end < value.length() && value.charAt(end) != '"') {
                    char c = value.charAt(end);
                    if (c == '\\' && end + 1 < value.length()
                            && (value.charAt(end + 1) == '"' || value.charAt(end + 1) == '\\')) {
                        c = value.charAt(++end);
                    }
                    parsed.append(c);
                    end++;
                }
                end = value.indexOf(';', end);
            } else {
                end = value.indexOf(';', start);
                parsed.append((end < 0 ? value.substring(start) : value.substring(start, end)).trim());
            }
            if (key.equalsIgnoreCase(name)) {
                return parsed.toString();
            }
            i = end;
        }
        return null;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
