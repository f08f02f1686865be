package dev.wsgiservlet.conformance;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsgiservlet.conformance.harness.EchoedEnviron;
import dev.wsgiservlet.conformance.harness.Http;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Deployment through web.xml: the {@code application} forms, {@code environ.*}, {@code lint}, a clean start. */
public interface ConfigConformance extends ConformanceTest {

    @Test
    default void deploymentLogsNoWarningOrError() {
        List<String> problems = target().log().startupText().lines()
                .filter(line -> {
                    String upper = line.toUpperCase(Locale.ROOT);
                    return upper.startsWith("SEVERE") || upper.startsWith("WARNING") || upper.contains(" SEVERE ")
                            || upper.contains(" WARNING ");
                })
                // Tomcat warns when seeding its session-id SecureRandom took over 100 ms: a note
                // on the machine's load or entropy, logged whatever the WARs hold.
                .filter(line -> !line.contains("SessionIdGeneratorBase.createSecureRandom"))
                .collect(Collectors.toList());
        assertTrue(problems.isEmpty(), () -> "start-up logged:\n" + String.join("\n", problems)
                + "\n\nwhole start-up log:\n" + target().log().startupText());
    }

    @Test
    default void applicationByStaticField() {
        EchoedEnviron environ = echo("/by-field/x");
        assertEquals(app().contextPath() + "/by-field", environ.string("SCRIPT_NAME"));
    }

    @Test
    default void applicationByStaticMethod() {
        EchoedEnviron environ = echo("/by-method/x");
        assertEquals(app().contextPath() + "/by-method", environ.string("SCRIPT_NAME"));
    }

    @Test
    default void environEntriesFromInitParams() {
        assertEquals("staging", echo("/configured/").string("deploy.tier"));
        assertFalse(echo("/echo/").has("deploy.tier"), "another servlet's init-param");
    }

    @Test
    default void environEntriesFromContextParams() {
        assertEquals("context-value", echo("/echo/").string("from.context"));
        assertEquals("context-value", echo("/configured/").string("from.context"));
    }

    @Test
    default void initParamWinsOverContextParam() {
        assertEquals("from-init-param", echo("/configured/").string("overridden"));
        assertEquals("from-context-param", echo("/echo/").string("overridden"));
    }

    @Test
    default void lintRejectsWhatTheServletAllows() {
        HttpResponse<byte[]> plain = get("/status-header/");
        HttpResponse<byte[]> linted = get("/status-header-lint/");
        assertAll(
                () -> assertEquals(200, plain.statusCode(), () -> Http.text(plain)),
                () -> assertEquals(500, linted.statusCode(), () -> Http.text(linted)));
    }
}
