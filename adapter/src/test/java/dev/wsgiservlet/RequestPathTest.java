package dev.wsgiservlet;

import static dev.wsgiservlet.RequestPath.WHOLE_PATH;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestPathTest {

    private static void assertSplit(String raw, int mount, String scriptName, String pathInfo) {
        assertEquals(new RequestPath(scriptName, pathInfo), RequestPath.split(raw, mount),
                () -> "split(\"" + raw + "\", " + mount + ")");
    }

    // --- mount counts ---------------------------------------------------------------------------

    @Test
    void encodedDotSegmentsAreResolvedLikePlainOnes() {
        // Decoded, "%2E%2E" is "..": resolving it is what keeps it from climbing past the mount.
        assertSplit("/ctx/p/a/%2E%2E/b", 2, "/ctx/p", "/b");
        assertSplit("/ctx/p/a/%2e/b", 2, "/ctx/p", "/a/b");
    }

    @Test
    void mountZeroPutsEverythingInPathInfo() {
        assertSplit("/ctx/p/a/b", 0, "", "/ctx/p/a/b");
    }

    @Test
    void mountOneSplitsAfterTheFirstSegment() {
        assertSplit("/ctx/p/a/b", 1, "/ctx", "/p/a/b");
    }

    @Test
    void mountTwoSplitsAfterTheSecondSegment() {
        assertSplit("/ctx/p/a/b", 2, "/ctx/p", "/a/b");
    }

    @Test
    void wholePathPutsEverythingInScriptName() {
        assertSplit("/ctx/p/a/b", WHOLE_PATH, "/ctx/p/a/b", "");
    }

    @Test
    void wholePathKeepsTheTrailingSlashInPathInfo() {
        assertSplit("/ctx/p/", WHOLE_PATH, "/ctx/p", "/");
    }

    @Test
    void pathEndingAtTheMountPointHasEmptyPathInfo() {
        assertSplit("/ctx/p", 2, "/ctx/p", "");
    }

    @Test
    void trailingSlashAfterTheMountPointIsPathInfo() {
        assertSplit("/ctx/p/", 2, "/ctx/p", "/");
        assertSplit("/ctx/", 1, "/ctx", "/");
    }

    @Test
    void rootWithMountZero() {
        assertSplit("/", 0, "", "/");
    }

    @Test
    void mountLongerThanThePathTakesAllSegments() {
        assertSplit("/a", 3, "/a", "");
        assertSplit("/a/", 3, "/a", "/");
        assertSplit("/", 2, "", "/");
    }

    @Test
    void trailingSlashIsKept() {
        assertSplit("/ctx/a/b/", 1, "/ctx", "/a/b/");
    }

    // --- percent-decoding -----------------------------------------------------------------------

    @Test
    void utf8EscapesBecomeOneLatin1CharPerByte() {
        assertSplit("/ctx/caf%C3%A9", 1, "/ctx", "/caf\u00C3\u00A9");
    }

    @Test
    void invalidUtf8ByteIsKeptAsItsLatin1Char() {
        assertSplit("/x%FF", 0, "", "/x\u00FF");
    }

    @Test
    void spaceEscape() {
        assertSplit("/a%20b", 0, "", "/a b");
    }

    @Test
    void lowerCaseHexIsDecoded() {
        assertSplit("/caf%c3%a9", 0, "", "/caf\u00C3\u00A9");
    }

    @Test
    void invalidEscapesAreKeptLiterally() {
        assertSplit("/a%zzb", 0, "", "/a%zzb");
        assertSplit("/a%4", 0, "", "/a%4");
        assertSplit("/a%4/b", 0, "", "/a%4/b");
        assertSplit("/a%4g", 0, "", "/a%4g");
        assertSplit("/%", 0, "", "/%");
    }

    @Test
    void encodedSemicolonIsDataNotAPathParameter() {
        assertSplit("/a%3Bb", 0, "", "/a;b");
        assertSplit("/a%3Bb;jsessionid=x/c", 0, "", "/a;b/c");
    }

    @Test
    void encodedSlashStaysInsideItsSegmentForTheMountSplit() {
        assertSplit("/ctx/a%2Fb/c", 2, "/ctx/a/b", "/c");
        assertSplit("/a%2Fb/c", 1, "/a/b", "/c");
    }

    @ParameterizedTest
    @CsvSource({"/a%2Fb, true", "/a%2fb, true", "/%2F, true", "/a%252Fb, false", "/a%2, false", "/a%2Eb, false",
            "/a/b, false", "%2F, true"})
    void encodedSlashIsFoundInEitherCase(String raw, boolean found) {
        assertEquals(found, RequestPath.hasEncodedSlash(raw), raw);
    }

    // --- path parameters ------------------------------------------------------------------------

    @Test
    void pathParametersAreDroppedFromEachSegment() {
        assertSplit("/ctx/p/x;jsessionid=abc", 2, "/ctx/p", "/x");
        assertSplit("/ctx/p/x;a=1/y;b=2", 2, "/ctx/p", "/x/y");
    }

    @Test
    void pathParametersOnTheMountSegmentsAreDropped() {
        assertSplit("/ctx;a=b/p/x", 2, "/ctx/p", "/x");
        assertSplit("/ctx/p;jsessionid=1", 2, "/ctx/p", "");
        assertSplit("/ctx;a=b/p;c=d/", 2, "/ctx/p", "/");
    }

    @Test
    void segmentThatIsOnlyAPathParameterIsEmpty() {
        assertSplit("/a/;x=1/b", 0, "", "/a/b");
        assertSplit("/a/;x=1", 0, "", "/a/");
    }

    // --- normalisation --------------------------------------------------------------------------

    @Test
    void dotSegmentsAreResolved() {
        assertSplit("/a/./b/../c", 0, "", "/a/c");
        assertSplit("/ctx/./p/x/../y", 2, "/ctx/p", "/y");
    }

    @Test
    void dotDotAboveTheRootIsClamped() {
        assertSplit("/../../a", 0, "", "/a");
        assertSplit("/a/../../b", 1, "/b", "");
    }

    @Test
    void finalDotSegmentsLeaveATrailingSlash() {
        assertSplit("/a/b/.", 0, "", "/a/b/");
        assertSplit("/a/b/..", 0, "", "/a/");
    }

    @Test
    void repeatedSlashesAreMerged() {
        assertSplit("//ctx//p///x", 2, "/ctx/p", "/x");
        assertSplit("/a//", 0, "", "/a/");
    }

    @Test
    void segmentsThatOnlyStartWithADotAreKept() {
        assertSplit("/.well-known/x", 1, "/.well-known", "/x");
        assertSplit("/a/.../b", 0, "", "/a/.../b");
    }

    // --- fast path versus general path ------------------------------------------------------------

    /**
     * Plain paths take a fast path; the same path with a path parameter, an escape, an extra slash
     * or a "." segment takes the general one. Both must agree with each other and with a model.
     */
    @Test
    void plainAndGeneralPathsAgree() {
        Random random = new Random(3333);
        String alphabet = "abcxyzAZ019-_~.!$&'()*+,=:@";
        for (int round = 0; round < 5000; round++) {
            List<String> segments = new ArrayList<>();
            int count = random.nextInt(5);
            for (int i = 0; i < count; i++) {
                StringBuilder segment = new StringBuilder();
                int length = 1 + random.nextInt(4);
                for (int j = 0; j < length; j++) {
                    char c = alphabet.charAt(random.nextInt(alphabet.length()));
                    // a leading '.' is left to the general path (it could be a dot segment)
                    segment.append(j == 0 && c == '.' ? 'd' : c);
                }
                segments.add(segment.toString());
            }
            boolean trailing = count == 0 || random.nextBoolean();
            String plain = "/" + String.join("/", segments) + (trailing && count > 0 ? "/" : "");
            int mount = random.nextInt(8) == 0 ? WHOLE_PATH : random.nextInt(count + 3);

            RequestPath expected = model(segments, trailing, mount);
            assertEquals(expected, RequestPath.split(plain, mount), "plain " + plain + " mount " + mount);
            for (String variant : generalSpellings(plain, segments, trailing, random)) {
                assertEquals(expected, RequestPath.split(variant, mount),
                        "general " + variant + " (plain " + plain + ") mount " + mount);
            }
        }
    }

    private static RequestPath model(List<String> segments, boolean trailing, int mount) {
        int cut = mount == WHOLE_PATH ? segments.size() : Math.min(mount, segments.size());
        StringBuilder script = new StringBuilder();
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            (i < cut ? script : path).append('/').append(segments.get(i));
        }
        if (trailing) {
            path.append('/');
        }
        return new RequestPath(script.toString(), path.toString());
    }

    /** Spellings of the same path that the fast path must refuse. */
    private static List<String> generalSpellings(String plain, List<String> segments, boolean trailing,
            Random random) {
        List<String> variants = new ArrayList<>();
        int n = segments.size();
        // a path parameter on one segment (or on the final empty one, when there is a trailing slash)
        int withParameter = random.nextInt(trailing ? n + 1 : n);
        variants.add(rebuild(segments, trailing, withParameter, s -> s + ";x=1"));
        if (n > 0) {
            int escaped = random.nextInt(n);
            variants.add(rebuild(segments, trailing, escaped, s -> String.format("%%%02X", (int) s.charAt(0)) + s.substring(1)));
            variants.add(rebuild(segments, trailing, escaped, s -> String.format("%%%02x", (int) s.charAt(0)) + s.substring(1)));
        }
        variants.add("/" + plain); // a doubled leading slash
        variants.add("/." + plain); // a leading "." segment
        return variants;
    }

    private static String rebuild(List<String> segments, boolean trailing, int index,
            java.util.function.UnaryOperator<String> change) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            out.append('/').append(i == index ? change.apply(segments.get(i)) : segments.get(i));
        }
        if (trailing) {
            out.append('/');
            if (index == segments.size()) {
                out.append(change.apply(""));
            }
        }
        return out.toString();
    }

    // --- mountSegments --------------------------------------------------------------------------

    private static HttpServletRequest request(String contextPath, String servletPath, MappingMatch match,
            boolean withMapping) {
        HttpServletMapping mapping = withMapping ? Stubs.stub(HttpServletMapping.class,
                Map.of("getMappingMatch", args -> match)) : null;
        Map<String, Stubs.Answer> answers = new HashMap<>();
        answers.put("getContextPath", args -> contextPath);
        answers.put("getServletPath", args -> servletPath);
        answers.put("getHttpServletMapping", args -> mapping);
        return Stubs.stub(HttpServletRequest.class, answers);
    }

    @ParameterizedTest(name = "{0} context={1} servletPath={2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "null", emptyValue = "", value = {
        "PATH         | /ctx | /p     | 2",
        "PATH         | ''   | /a/b   | 2",
        "PATH         | /ctx | ''     | 1",
        "PATH         | ''   | ''     | 0",
        "CONTEXT_ROOT | /ctx | ''     | 1",
        "CONTEXT_ROOT | ''   | ''     | 0",
        "DEFAULT      | /ctx | /x/y/z | 1",
        "DEFAULT      | ''   | /x/y   | 0",
        "EXACT        | /ctx | /exact | -1",
        "EXTENSION    | /ctx | /a/b.do | -1",
    })
    void mountSegmentsPerMappingKind(MappingMatch match, String contextPath, String servletPath, int expected) {
        assertEquals(expected, RequestPath.mountSegments(request(contextPath, servletPath, match, true)));
    }

    @Test
    void exactAndExtensionMappingsUseTheWholePath() {
        assertEquals(WHOLE_PATH, RequestPath.mountSegments(request("/ctx", "/exact", MappingMatch.EXACT, true)));
        assertEquals(WHOLE_PATH, RequestPath.mountSegments(request("", "/a.do", MappingMatch.EXTENSION, true)));
    }

    @Test
    void withoutAMappingContextAndServletPathCount() {
        assertEquals(2, RequestPath.mountSegments(request("/ctx", "/p", null, false)));
        assertEquals(1, RequestPath.mountSegments(request("/ctx", "", null, false)));
        assertEquals(0, RequestPath.mountSegments(request("", "", null, false)));
    }

    @Test
    void mappingWithoutAMatchKindFallsBackToContextAndServletPath() {
        assertEquals(2, RequestPath.mountSegments(request("/ctx", "/p", null, true)));
    }

    // --- context paths as Tomcat reports them ---------------------------------------------------

    /*
     * Tomcat 10.1 returns getContextPath() as the user agent spelled it, not normalised: for
     * "GET /x/../ctx/p/y" it gives "/x/../ctx" (and "/./ctx" for "/./ctx/p/y"), with the request
     * still routed to /ctx's servlet at /p/*. Counting its slashes over-counts the mount point.
     */
    @Test
    void contextPathWithDotSegmentsCountsItsNormalisedSegments() {
        assertEquals(2, RequestPath.mountSegments(request("/x/../ctx", "/p", MappingMatch.PATH, true)));
        assertEquals(2, RequestPath.mountSegments(request("/./ctx", "/p", MappingMatch.PATH, true)));
        assertEquals(1, RequestPath.mountSegments(request("/x/../ctx", "/p/y", MappingMatch.DEFAULT, true)));
    }

    @Test
    void requestThroughADotSegmentInTheContextPathSplitsAtTheServlet() {
        Map<String, Stubs.Answer> answers = new HashMap<>();
        HttpServletMapping mapping = Stubs.stub(HttpServletMapping.class,
                Map.of("getMappingMatch", args -> MappingMatch.PATH));
        answers.put("getRequestURI", args -> "/x/../ctx/p/y");
        answers.put("getContextPath", args -> "/x/../ctx");
        answers.put("getServletPath", args -> "/p");
        answers.put("getHttpServletMapping", args -> mapping);
        assertEquals(new RequestPath("/ctx/p", "/y"), RequestPath.of(Stubs.stub(HttpServletRequest.class, answers)));
    }

    @Test
    void pathMappingIsCountedFromItsPatternWithoutDecodingTheRequest() {
        // Jetty 12 throws from getServletPath() for an ambiguous URI it was configured to accept.
        Map<String, Stubs.Answer> answers = new HashMap<>();
        answers.put("getRequestURI", args -> "/ctx/p/q/a//b%25c");
        answers.put("getContextPath", args -> "/ctx");
        answers.put("getServletPath", args -> {
            throw new IllegalArgumentException("400: Ambiguous URI encoding");
        });
        answers.put("getHttpServletMapping", args -> Stubs.stub(HttpServletMapping.class,
                Map.of("getMappingMatch", a -> MappingMatch.PATH, "getPattern", a -> "/p/q/*")));
        assertEquals(new RequestPath("/ctx/p/q", "/a/b%c"), RequestPath.of(Stubs.stub(HttpServletRequest.class, answers)));
    }

    @Test
    void rootPathMappingHasTheContextAsItsMount() {
        HttpServletMapping mapping = Stubs.stub(HttpServletMapping.class,
                Map.of("getMappingMatch", a -> MappingMatch.PATH, "getPattern", a -> "/*"));
        Map<String, Stubs.Answer> answers = new HashMap<>();
        answers.put("getContextPath", args -> "/ctx");
        answers.put("getHttpServletMapping", args -> mapping);
        assertEquals(1, RequestPath.mountSegments(Stubs.stub(HttpServletRequest.class, answers)));
    }
}
