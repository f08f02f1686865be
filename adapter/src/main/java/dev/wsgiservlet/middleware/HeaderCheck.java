package dev.wsgiservlet.middleware;

import static dev.wsgiservlet.middleware.Reporter.codePoint;
import static dev.wsgiservlet.middleware.Reporter.quote;

import dev.wsgiservlet.Header;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The application's side of {@code start_response}: the status line and the headers. */
final class HeaderCheck {

    /** RFC 9110 section 7.6.1, plus the obsolete "Trailers" spelling PEP 3333 lists. */
    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection", "keep-alive", "proxy-authenticate", "proxy-authorization",
            "te", "trailer", "trailers", "transfer-encoding", "upgrade");

    /** What the body checks need from a valid status and header list. */
    record Head(int status, long contentLength) {
        static final long NONE = -1;
    }

    private HeaderCheck() {
    }

    static Head check(String status, List<Header> headers, Reporter reporter) {
        int code = checkStatus(status, reporter);
        if (headers == null) {
            throw reporter.fail("the headers list is null");
        }
        long contentLength = Head.NONE;
        for (int i = 0; i < headers.size(); i++) {
            Header header = headers.get(i);
            if (header == null) {
                throw reporter.fail("the headers list has null at index " + i);
            }
            checkName(header.name(), reporter);
            checkValue(header.name(), header.value(), reporter);
            String name = header.name().toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(name)) {
                throw reporter.fail("hop-by-hop header " + quote(header.name())
                        + " is the server's business, not the application's");
            }
            if (name.equals("content-type") && (code == 204 || code == 304)) {
                throw reporter.fail("Content-Type header is not allowed with status " + code);
            }
            if (name.equals("content-length")) {
                if (contentLength != Head.NONE) {
                    throw reporter.fail("Content-Length header given twice");
                }
                contentLength = parseContentLength(header.value(), reporter);
            }
        }
        return new Head(code, contentLength);
    }

    /**
     * {@code "NNN Reason"}. The reason may be empty ({@code "200 "}), as wsgiref and RFC 9110
     * allow, and may hold HTAB, which RFC 9110's reason-phrase grammar allows.
     */
    private static int checkStatus(String status, Reporter reporter) {
        if (status == null) {
            throw reporter.fail("status is null; give \"NNN Reason\", for example \"200 OK\"");
        }
        if (status.length() < 4 || !isDigit(status.charAt(0)) || !isDigit(status.charAt(1))
                || !isDigit(status.charAt(2)) || status.charAt(3) != ' ') {
            throw reporter.fail("status " + quote(status) + " is not three digits, a space and a reason");
        }
        int code = Integer.parseInt(status, 0, 3, 10);
        if (code < 100) {
            throw reporter.fail("status code " + status.substring(0, 3) + " is below 100");
        }
        for (int i = 4; i < status.length(); i++) {
            char c = status.charAt(i);
            if (isControl(c)) {
                throw reporter.fail("status " + quote(status) + " contains the control character " + codePoint(c));
            }
            if (c > 0xFF) {
                throw reporter.fail("status " + quote(status) + " has " + codePoint(c) + ", outside ISO-8859-1");
            }
        }
        return code;
    }

    /** wsgiref's {@code [A-Za-z][A-Za-z0-9\-_]*}, not ending in '-' or '_'. */
    private static void checkName(String name, Reporter reporter) {
        if (name == null) {
            throw reporter.fail("a header name is null");
        }
        boolean token = !name.isEmpty() && isLetter(name.charAt(0));
        for (int i = 1; token && i < name.length(); i++) {
            char c = name.charAt(i);
            token = isLetter(c) || isDigit(c) || c == '-' || c == '_';
        }
        if (!token) {
            throw reporter.fail("header name " + quote(name) + " does not match [A-Za-z][A-Za-z0-9-_]*");
        }
        char last = name.charAt(name.length() - 1);
        if (last == '-' || last == '_') {
            throw reporter.fail("header name " + quote(name) + " ends in '" + last + "'");
        }
        if (name.equalsIgnoreCase("Status")) {
            throw reporter.fail("a header named 'Status' is not allowed; the status goes in start_response's first argument");
        }
    }

    /** Also the defence against response splitting: no CR or LF ever reaches the container. */
    private static void checkValue(String name, String value, Reporter reporter) {
        if (value == null) {
            throw reporter.fail("header " + quote(name) + " has a null value");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isControl(c)) {
                throw reporter.fail("header " + quote(name) + " value contains the control character " + codePoint(c));
            }
            if (c > 0xFF) {
                throw reporter.fail("header " + quote(name) + " value has " + codePoint(c) + ", outside ISO-8859-1");
            }
        }
    }

    private static long parseContentLength(String value, Reporter reporter) {
        if (!EnvironCheck.isDecimal(value)) {
            throw reporter.fail("Content-Length header " + quote(value) + " is not a non-negative decimal integer");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** C0 controls but HTAB, and DEL. */
    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\t') || c == 0x7F;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
