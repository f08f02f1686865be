package dev.wsgiservlet.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wsgiservlet.conformance.harness.Container;
import dev.wsgiservlet.conformance.harness.EchoedEnviron;
import dev.wsgiservlet.conformance.harness.RawResponse;
import org.junit.jupiter.api.Test;

/**
 * SCRIPT_NAME and PATH_INFO for every kind of servlet mapping, taken from the raw request URI,
 * percent-decoded to bytes and read as ISO-8859-1.
 */
public interface PathConformance extends ConformanceTest {

    @Test
    default void prefixMappingSplitsAtTheServletPath() {
        assertPaths(echo("/prefix/a/b"), "/prefix", "/a/b");
    }

    @Test
    default void prefixMappingWithNothingAfterIt() {
        assertPaths(echo("/prefix"), "/prefix", "");
    }

    @Test
    default void starMappingHasTheContextPathAsScriptName() {
        EchoedEnviron environ = echo(target().star(), "/x");
        assertEquals(target().star().contextPath(), environ.string("SCRIPT_NAME"));
        assertEquals("/x", environ.string("PATH_INFO"));
    }

    @Test
    default void starMappingAtTheContextRoot() {
        EchoedEnviron environ = echo(target().star(), "/");
        assertEquals(target().star().contextPath(), environ.string("SCRIPT_NAME"));
        assertEquals("/", environ.string("PATH_INFO"));
    }

    @Test
    default void exactMappingHasEmptyPathInfo() {
        assertPaths(echo("/exact"), "/exact", "");
    }

    @Test
    default void defaultMappingGivesTheWholePathAsPathInfo() {
        assertPaths(echo("/some/where"), "", "/some/where");
    }

    @Test
    default void contextRootMapping() {
        assertPaths(echo("/"), "", "/");
    }

    @Test
    default void percentEncodedUtf8StaysAsBytes() {
        // PEP 3333: bytes read as ISO-8859-1, so U+00C3 U+00A9, not U+00E9.
        assertPaths(echo("/prefix/caf%C3%A9"), "/prefix", "/caf\u00c3\u00a9");
    }

    @Test
    default void invalidUtf8IsRejectedByTheContainerOrPassesThroughAsBytes() throws Exception {
        // Tomcat (default URIEncoding UTF-8) answers 400 before the servlet runs: its choice. A
        // container that lets the request through must give the bytes, not U+FFFD.
        RawResponse response = rawGet(app(), app().target("/prefix/%FF%FE"), "");
        if (response.status() != 400) {
            assertEquals(200, response.status(), response::text);
            assertPaths(EchoedEnviron.parse(response.text()), "/prefix", "/\u00ff\u00fe");
        }
    }

    @Test
    default void encodedSpaceAndSemicolonAreDecoded() {
        assertPaths(echo("/prefix/a%20b/c%3Bd"), "/prefix", "/a b/c;d");
    }

    @Test
    default void pathParametersAreStrippedFromEverySegment() throws Exception {
        assertPaths(rawEcho(app(), app().target("/prefix;p=1/a;jsessionid=abc/b;v=2"), ""), "/prefix", "/a/b");
    }

    @Test
    default void dotSegmentsAreNormalised() throws Exception {
        assertPaths(rawEcho(app(), app().target("/prefix/a/./b/../c"), ""), "/prefix", "/a/c");
    }

    @Test
    default void repeatedSlashesAreMerged() throws Exception {
        RawResponse response = rawGet(app(), app().target("/prefix/a//b"), "");
        if (target().container() == Container.JETTY) {
            // Jetty 12's default UriCompliance refuses an empty segment as ambiguous, before any servlet.
            assertEquals(400, response.status(), response::text);
            return;
        }
        assertEquals(200, response.status(), response::text);
        assertPaths(EchoedEnviron.parse(response.text()), "/prefix", "/a/b");
    }

    @Test
    default void encodedPercentSignIsDecodedOnce() throws Exception {
        RawResponse response = rawGet(app(), app().target("/prefix/50%25/%2541"), "");
        if (target().container() == Container.JETTY) {
            // Jetty 12's default UriCompliance refuses "%25" as an ambiguous encoding, before any servlet.
            assertEquals(400, response.status(), response::text);
            return;
        }
        assertEquals(200, response.status(), response::text);
        assertPaths(EchoedEnviron.parse(response.text()), "/prefix", "/50%/%41");
    }

    @Test
    default void encodedSlashIsRejectedByTheContainer() throws Exception {
        // An encoded '/' is ambiguous once PATH_INFO is decoded: 400. Tomcat and Jetty refuse it by
        // default; Undertow passes it on undecoded, and the servlet refuses it.
        RawResponse response = rawGet(app(), app().target("/prefix/a%2Fb"), "");
        assertEquals(400, response.status(), response::text);
    }

    @Test
    default void rawNonAsciiBytesInTheTargetAreRejectedOrReadAsLatin1() throws Exception {
        // RFC 9112 forbids raw bytes above 0x7F in a request target; a container may refuse them
        // with 400. One that lets them through must hand them on as bytes, like %C3%A9.
        RawResponse response = rawGet(app(), app().target("/prefix/caf\u00c3\u00a9"), "");
        if (response.status() != 400) {
            assertEquals(200, response.status(), response::text);
            assertPaths(EchoedEnviron.parse(response.text()), "/prefix", "/caf\u00c3\u00a9");
        }
    }

    /** Asserts SCRIPT_NAME (given without the context path) and PATH_INFO. */
    private void assertPaths(EchoedEnviron environ, String scriptNameInContext, String pathInfo) {
        assertEquals(app().contextPath() + scriptNameInContext, environ.string("SCRIPT_NAME"), environ::toString);
        assertEquals(pathInfo, environ.string("PATH_INFO"), environ::toString);
    }

    @Test
    default void encodedDotSegmentsNeverReachTheApplication() throws Exception {
        // "%2E%2E" is ".." once decoded. The container either refuses it (400) or resolves it
        // before routing; either way the application never sees a ".." segment.
        RawResponse response = rawGet(app(), app().target("/prefix/a/%2E%2E/b"), "");
        if (response.status() != 400) {
            assertEquals(200, response.status(), response::text);
            EchoedEnviron environ = EchoedEnviron.parse(response.text());
            assertEquals(app().contextPath() + "/prefix", environ.string("SCRIPT_NAME"));
            assertEquals("/b", environ.string("PATH_INFO"));
        }
    }
}
