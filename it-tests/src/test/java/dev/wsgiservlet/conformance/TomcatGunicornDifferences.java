package dev.wsgiservlet.conformance;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gunicorn valid-request fixtures that Tomcat (default connector settings) with this servlet
 * parses differently from gunicorn, each with what happens instead and why. Findings, not skips:
 * {@link GunicornRequestsConformance} asserts each one as written. Embedded Tomcat 10.1.59 and the
 * Tomcat 11.0.24 distribution parse every fixture alike, so one list serves both.
 */
final class TomcatGunicornDifferences {

    private static final String NO_HOST = "request 1: status 400";

    private TomcatGunicornDifferences() {
    }

    static Map<String, String> all() {
        Map<String, String> differences = new LinkedHashMap<>();
        // HTTP/1.1 without a Host header: RFC 9112 section 3.2 says a server MUST answer 400;
        // gunicorn accepts it. Each is also replayed with a Host added ("+host") and passes.
        for (String name : new String[] {"004", "006", "007", "010", "011", "012", "013", "018", "021", "023", "031", "100"}) {
            differences.put(name, NO_HOST);
        }
        // The first request is HTTP/1.0 (no Host needed) and is answered; the second is HTTP/1.1 without Host.
        differences.put("022", "request 2: status 400");
        // Host "0.0.0.0=5000": Tomcat reads a host starting with digits as an IPv4 address and rejects it.
        differences.put("002", "request 1: status 400");
        differences.put("003", "request 1: status 400");
        // A fragment ('#') in the request target: not allowed by RFC 9112's request-target; Tomcat
        // rejects it, gunicorn drops the fragment.
        differences.put("005", "request 1: status 400");
        differences.put("005+host", "request 1: status 400");
        differences.put("009", "request 1: status 400");
        differences.put("009+host", "request 1: status 400");
        // '"' in the path and query: Tomcat rejects it unless relaxedPathChars/relaxedQueryChars allow it.
        differences.put("014", "request 1: status 400");
        differences.put("014+host", "request 1: status 400");
        // Raw bytes 0xC3 0xA0 in the request target (HTTP/1.0): Tomcat rejects bytes above 0x7F.
        differences.put("027", "request 1: status 400");
        // Transfer-Encoding "gzip, chunked" (two headers or one line): Tomcat implements no gzip
        // transfer coding and answers 501 Not Implemented, as RFC 9112 section 6.1 allows.
        differences.put("025", "request 1: status 501");
        differences.put("025+host", "request 1: status 501");
        differences.put("025_line", "request 1: status 501");
        differences.put("025_line+host", "request 1: status 501");
        differences.put("rfc9112_smuggle_gzip_chunked_01", "request 1: status 501");
        // Transfer-Encoding "identity, chunked": "identity" is no longer a transfer coding; 501.
        differences.put("rfc9112_smuggle_te_identity_chunked_01", "request 1: status 501");
        // Not Tomcat's doing: the fixture is a truncated capture (gunicorn's test parser stops at
        // the end of the file), so it is not sent; a real server would wait for the rest.
        differences.put("099", "request 1: the fixture's body has 8599 of the 17914 bytes its Content-Length declares");
        // "///keeping_slashes": the servlet merges repeated slashes in PATH_INFO (API.md); gunicorn keeps them.
        differences.put("100+host", "request 1: PATH_INFO: gunicorn '///keeping_slashes', here '/keeping_slashes'");
        // "OPTIONS *" is answered by Tomcat itself (Allow header), no servlet is involved.
        differences.put("rfc9112_target_asterisk_options_01", "request 1: status 200 from the container, not the application");
        // CONNECT (authority form): Tomcat has no tunnel support and answers 501.
        differences.put("rfc9112_target_authority_connect_01", "request 1: status 501");
        differences.put("rfc9112_target_authority_ipv6_01", "request 1: status 501");
        return differences;
    }
}
