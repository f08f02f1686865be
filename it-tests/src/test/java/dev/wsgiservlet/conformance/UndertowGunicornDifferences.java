package dev.wsgiservlet.conformance;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gunicorn valid-request fixtures that WildFly 39 (Undertow 2.3, the default
 * {@code standalone.xml}) with this servlet parses differently from gunicorn, each with what
 * happens instead and why. Findings, not skips: {@link GunicornRequestsConformance} asserts each
 * one as written.
 */
final class UndertowGunicornDifferences {

    private static final String NO_HOST = "request 1: status 400";

    private UndertowGunicornDifferences() {
    }

    /** @param port the HTTP port, which WildFly writes into the Host header it makes up */
    static Map<String, String> all(int port) {
        Map<String, String> differences = new LinkedHashMap<>();
        // HTTP/1.1 without a Host header: 400, as RFC 9112 section 3.2 requires; gunicorn accepts
        // it. Each is also replayed with a Host added ("+host").
        for (String name : new String[] {"004", "006", "007", "010", "011", "012", "013", "018", "021", "023", "025",
                "025_line", "031", "100"}) {
            differences.put(name, NO_HOST);
        }
        // HTTP/1.0 without a Host header: WildFly's server handler (org.wildfly.extension.undertow
        // .Server$DefaultHostHandler) adds "Host: <default-host>:<port>" before the servlet runs,
        // so the application sees an HTTP_HOST the client never sent (and SERVER_NAME
        // "default-host"). The servlet API cannot tell it from a real one.
        String madeUpHost = "request 1: HTTP_HOST: gunicorn absent, here 'default-host:" + port + "'";
        for (String name : new String[] {"001", "008", "017", "019", "020", "022", "022+host", "040"}) {
            differences.put(name, madeUpHost);
        }
        // A fragment ('#') in the request target: not allowed by RFC 9112; Undertow answers 400,
        // gunicorn drops the fragment.
        differences.put("005", "request 1: status 400");
        differences.put("005+host", "request 1: status 400");
        differences.put("009", "request 1: status 400");
        differences.put("009+host", "request 1: status 400");
        // '"' in the path and query: Undertow refuses characters RFC 3986 does not allow.
        differences.put("014", "request 1: status 400");
        differences.put("014+host", "request 1: status 400");
        // Transfer-Encoding given twice ("gzip", then "chunked"): 400. The same codings on one
        // line (025_line+host, rfc9112_smuggle_gzip_chunked_01) are accepted, and the body is
        // handed on still gzip-coded, as gunicorn does.
        differences.put("025+host", "request 1: status 400");
        // Raw bytes 0xC3 0xA0 in the request target (HTTP/1.0): Undertow refuses bytes above 0x7F
        // (allow-unescaped-characters-in-url=false).
        differences.put("027", "request 1: status 400");
        // Not Undertow's doing: the fixture is a truncated capture, so it is not sent.
        differences.put("099", "request 1: the fixture's body has 8599 of the 17914 bytes its Content-Length declares");
        // "///keeping_slashes": the servlet merges repeated slashes in PATH_INFO (API.md); gunicorn keeps them.
        differences.put("100+host", "request 1: PATH_INFO: gunicorn '///keeping_slashes', here '/keeping_slashes'");
        // "OPTIONS *" is answered by Undertow itself, no servlet is involved.
        differences.put("rfc9112_target_asterisk_options_01", "request 1: status 200 from the container, not the application");
        // CONNECT (authority form): the target is no path under a deployment; the host's "/"
        // location (welcome-content, a file handler) answers 405, Allow: GET, HEAD, POST.
        differences.put("rfc9112_target_authority_connect_01", "request 1: status 405");
        differences.put("rfc9112_target_authority_ipv6_01", "request 1: status 405");
        return differences;
    }
}
