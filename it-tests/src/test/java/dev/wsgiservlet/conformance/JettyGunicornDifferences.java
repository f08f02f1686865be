package dev.wsgiservlet.conformance;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gunicorn valid-request fixtures that Jetty 12.0 (default HttpConfiguration: HttpCompliance
 * RFC7230, UriCompliance DEFAULT) with this servlet parses differently from gunicorn, each with
 * what happens instead and why. Findings, not skips: {@link GunicornRequestsConformance} asserts
 * each one as written. The reason in each comment is the one in Jetty's 400 page.
 */
final class JettyGunicornDifferences {

    private static final String NO_HOST = "request 1: status 400";

    private JettyGunicornDifferences() {
    }

    static Map<String, String> all() {
        Map<String, String> differences = new LinkedHashMap<>();
        // HTTP/1.1 without a Host header ("No Host"): RFC 9112 section 3.2 says a server MUST
        // answer 400; gunicorn accepts it. Each is also replayed with a Host added ("+host").
        for (String name : new String[] {"004", "005", "006", "007", "009", "010", "011", "012", "013", "014",
                "018", "021", "023", "025", "025_line", "031", "100"}) {
            differences.put(name, NO_HOST);
        }
        // "Connection: Close" and "Connection: Keep-Alive" reach the application as "close" and
        // "keep-alive": Jetty's parser matches well-known header lines case-insensitively against
        // a cache and hands on the cached field (connection options are case-insensitive tokens,
        // RFC 9110 section 7.6.1). 022's first request is HTTP/1.0 and needs no Host.
        differences.put("021+host", "request 1: HTTP_CONNECTION: gunicorn 'Close', here 'close'");
        differences.put("022", "request 1: HTTP_CONNECTION: gunicorn 'Keep-Alive', here 'keep-alive'");
        differences.put("022+host", "request 1: HTTP_CONNECTION: gunicorn 'Keep-Alive', here 'keep-alive'");
        // Transfer-Encoding "identity" together with Content-Length ("Transfer-Encoding and
        // Content-Length"): RFC 9112 section 6.3 lets a server reject such a message, to prevent smuggling.
        differences.put("009+host", "request 1: status 400");
        // '"' in the path ("Illegal Path Character"): not a URI character (RFC 3986).
        differences.put("014+host", "request 1: status 400");
        // Raw bytes 0xC3 0xA0 in the request target (HTTP/1.0, "Illegal Path Character").
        differences.put("027", "request 1: status 400");
        // The fixture truncates its own body (gunicorn's test parser stops at the end of the
        // file), so it is not sent; a real server would wait for the rest.
        differences.put("099", "request 1: the fixture's body has 8599 of the 17914 bytes its Content-Length declares");
        // "///keeping_slashes" ("Ambiguous URI empty segment"): UriCompliance DEFAULT refuses empty segments.
        differences.put("100+host", "request 1: status 400");
        // An absolute-form target with user:pass@ ("Deprecated User Info"): RFC 9110 section 4.2.4
        // forbids userinfo in http(s) URIs.
        differences.put("rfc9112_target_absolute_userinfo_01", "request 1: status 400");
        // "OPTIONS *" and CONNECT (authority form) reach no context; Jetty answers 404 itself.
        differences.put("rfc9112_target_asterisk_options_01", "request 1: status 404");
        differences.put("rfc9112_target_authority_connect_01", "request 1: status 404");
        differences.put("rfc9112_target_authority_ipv6_01", "request 1: status 404");
        return differences;
    }
}
