package dev.wsgiservlet;

import java.util.Set;

/**
 * What {@code start_response} accepts: the status line and each header, checked when it is called
 * so that the application gets the error at the faulty call. These checks are also the defence
 * against response splitting: no CR, LF or other control character reaches the wire.
 */
final class ResponseRules {

    /** RFC 9110 section 7.6.1, plus the obsolete {@code Trailers} that PEP 3333 names. */
    static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "trailers", "transfer-encoding", "upgrade");
    /** The same names, compared without lower-casing each response header name into a new string. */
    private static final String[] HOP_BY_HOP_NAMES = HOP_BY_HOP.toArray(new String[0]);

    private static final boolean[] TOKEN = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            TOKEN[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            TOKEN[c] = true;
            TOKEN[Character.toUpperCase(c)] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TOKEN[c] = true;
        }
    }

    private ResponseRules() {
    }

    /**
     * The status code of a PEP 3333 status string {@code "NNN Reason"}.
     *
     * @throws IllegalArgumentException when the status is malformed or informational (1xx)
     */
    static int statusCode(String status) {
        if (status == null) {
            throw new IllegalArgumentException("status must be a string like \"200 OK\", not null");
        }
        if (status.length() < 4 || status.charAt(3) != ' ' || !isDigit(status.charAt(0))
                || !isDigit(status.charAt(1)) || !isDigit(status.charAt(2))) {
            throw new IllegalArgumentException("status " + quote(status)
                    + " is not three digits, a space and a reason phrase, like \"200 OK\"");
        }
        for (int i = 4; i < status.length(); i++) {
            char c = status.charAt(i);
            if (!isFieldChar(c)) {
                throw new IllegalArgumentException("status " + quote(status) + " contains "
                        + describe(c) + " at index " + i);
            }
        }
        int code = (status.charAt(0) - '0') * 100 + (status.charAt(1) - '0') * 10 + (status.charAt(2) - '0');
        if (code < 200) {
            throw new IllegalArgumentException("status " + quote(status) + " is "
                    + (code < 100 ? "below 100" : "informational (1xx), which cannot be a final response"));
        }
        return code;
    }

    /**
     * Checks one response header.
     *
     * @throws IllegalArgumentException naming the header and what is wrong with it
     */
    static void checkHeader(Header header) {
        if (header == null) {
            throw new IllegalArgumentException("a response header is null");
        }
        if (header.name() == null || header.value() == null) {
            throw new IllegalArgumentException("response header " + quoteOrNull(header.name())
                    + " has a null " + (header.name() == null ? "name" : "value"));
        }
        String name = header.name();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("response header name is empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 128 || !TOKEN[c]) {
                throw new IllegalArgumentException("response header name " + quote(name) + " contains "
                        + describe(c) + "; names are RFC 9110 tokens");
            }
        }
        if (isHopByHop(name)) {
            throw new IllegalArgumentException("response header " + quote(name)
                    + " is hop-by-hop; the server manages the connection, not the application");
        }
        String value = header.value();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isFieldChar(c)) {
                throw new IllegalArgumentException("response header " + quote(name) + " value contains "
                        + describe(c) + " at index " + i);
            }
        }
    }

    /** Whether a header name (already checked to be an ASCII token) is one of {@link #HOP_BY_HOP}, in any case. */
    static boolean isHopByHop(String name) {
        for (String hopByHop : HOP_BY_HOP_NAMES) {
            if (hopByHop.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The value of a {@code Content-Length} header.
     *
     * @throws IllegalArgumentException when it is not a non-negative decimal number
     */
    static long contentLength(String value) {
        if (value.isEmpty() || value.length() > 18) {
            throw new IllegalArgumentException("Content-Length " + quote(value) + " is not a byte count");
        }
        long n = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isDigit(c)) {
                throw new IllegalArgumentException("Content-Length " + quote(value) + " is not a byte count");
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** Whether a status forbids a body (RFC 9110: 204 and 304; 1xx never get here). */
    static boolean forbidsBody(int code) {
        return code == 204 || code == 304;
    }

    /** HTAB, visible ASCII, and obs-text (0x80-0xFF): what a field value may hold. */
    private static boolean isFieldChar(char c) {
        return c == '\t' || (c >= 0x20 && c < 0x7F) || (c >= 0x80 && c <= 0xFF);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String describe(char c) {
        if (c > 0xFF) {
            return String.format("U+%04X, which is outside ISO-8859-1", (int) c);
        }
        return c < 0x20 || c == 0x7F ? String.format("the control character 0x%02X", (int) c)
                : "'" + c + "'";
    }

    private static String quoteOrNull(String s) {
        return s == null ? "null" : quote(s);
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
