package dev.wsgiservlet.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.wsgiservlet.conformance.harness.CapturingLogHandler;
import dev.wsgiservlet.conformance.harness.Http;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A misconfigured {@code WsgiServlet} fails at start-up, with a log message naming the parameter
 * and its value, and serves no request. Tomcat only: each case is a context added in code, with
 * the servlet loaded on start-up.
 */
class StartupErrorsIT {

    private static final String FIXTURES = "dev.wsgiservlet.fixtures.";

    private static Tomcat tomcat;
    private static CapturingLogHandler log;
    private static int port;

    /** Context path, the parameter at fault, its value, and the init-params to deploy with. */
    static List<Arguments> cases() {
        return List.of(
                Arguments.of("/missing-class", "application", "com.example.Missing",
                        new String[] {"application", "com.example.Missing"}),
                Arguments.of("/not-an-application", "application", FIXTURES + "NotAnApplication",
                        new String[] {"application", FIXTURES + "NotAnApplication"}),
                Arguments.of("/field-not-an-application", "application", FIXTURES + "ConfigForms#NOT_AN_APPLICATION",
                        new String[] {"application", FIXTURES + "ConfigForms#NOT_AN_APPLICATION"}),
                Arguments.of("/no-such-method", "application", FIXTURES + "ConfigForms#nosuch()",
                        new String[] {"application", FIXTURES + "ConfigForms#nosuch()"}),
                Arguments.of("/bad-lint", "lint", "maybe",
                        new String[] {"application", FIXTURES + "EnvironEcho", "lint", "maybe"}));
    }

    @BeforeAll
    static void start() throws Exception {
        log = CapturingLogHandler.install();
        tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("startup-errors-tomcat").toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        for (Arguments arguments : cases()) {
            Object[] args = arguments.get();
            Context context = tomcat.addContext((String) args[0], Files.createTempDirectory("ctx").toString());
            Wrapper servlet = Tomcat.addServlet(context, "app", "dev.wsgiservlet.WsgiServlet");
            String[] params = (String[]) args[3];
            for (int i = 0; i < params.length; i += 2) {
                servlet.addInitParameter(params[i], params[i + 1]);
            }
            servlet.setLoadOnStartup(1);
            context.addServletMappingDecoded("/*", "app");
        }
        tomcat.start();
        log.startupDone();
        port = connector.getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
        if (log != null) {
            log.uninstall();
        }
    }

    @ParameterizedTest(name = "{0}: {1} = {2}")
    @MethodSource("cases")
    void startupLogNamesTheParameterAndValue(String contextPath, String parameter, String value, String[] params) {
        String startup = log.startupText();
        // Tomcat's own "web application [...]" must not count as naming the parameter.
        List<String> naming = log.records().stream()
                .filter(record -> startup.contains(record))
                .filter(record -> record.contains(value))
                .filter(record -> record.replace("web application", "").contains(parameter))
                .collect(Collectors.toList());
        assertFalse(naming.isEmpty(), () -> "no start-up log record names '" + parameter + "' and '" + value
                + "':\n" + startup);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void misconfiguredServletServesNoRequest(String contextPath, String parameter, String value, String[] params) {
        HttpResponse<byte[]> response = Http.get(URI.create("http://127.0.0.1:" + port + contextPath + "/x"));
        assertNotEquals(200, response.statusCode(), () -> Http.text(response));
        assertFalse(Http.text(response).contains("REQUEST_METHOD"), () -> Http.text(response));
    }
}
