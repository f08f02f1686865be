package dev.wsgiservlet;

/**
 * Percent-decoding and -encoding of URI paths as PEP 3333 needs them: bytes in, bytes out, with a
 * byte carried in Java as the char of the same value (ISO-8859-1), never as UTF-8.
 */
final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** Path characters that need no escape (RFC 3986 pchar plus '/'). */
    private static final boolean[] PATH_SAFE = new boolean[128];

    static {
        for (char c : ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
                + "-._~!$&'()*+,;=:@/").toCharArray()) {
            PATH_SAFE[c] = true;
        }
    }

    private PercentEncoding() {
    }

    /**
     * Decodes {@code %XX} escapes in {@code s[from, to)}; other chars are kept. A {@code %} that
     * does not start a valid escape is kept as it is, as Python's {@code unquote} does.
     */
    static String decode(String s, int from, int to) {
        int percent = s.indexOf('%', from);
        if (percent < 0 || percent >= to) {
            return s.substring(from, to);
        }
        StringBuilder out = new StringBuilder(to - from);
        out.append(s, from, percent);
        for (int i = percent; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < to) {
                int hi = hexValue(s.charAt(i + 1));
                int lo = hexValue(s.charAt(i + 2));
                if (hi >= 0 && lo >= 0) {
                    out.append((char) ((hi << 4) | lo));
                    i += 2;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The value of an ASCII hex digit, or -1; Character.digit would also take non-ASCII digits. */
    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** Escapes a native-string path so that it is a valid URI path again. */
    static String encodePath(String path) {
        StringBuilder out = null;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            boolean safe = c < 128 && PATH_SAFE[c];
            if (!safe && out == null) {
                out = new StringBuilder(path.length() + 16).append(path, 0, i);
            }
            if (out != null) {
                if (safe) {
                    out.append(c);
                } else {
                    out.append('%').append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
                }
            }
        }
        return out == null ? path : out.toString();
    }
}
