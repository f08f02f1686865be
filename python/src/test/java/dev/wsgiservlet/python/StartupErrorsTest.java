package dev.wsgiservlet.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsgiservlet.python.harness.RawHttp;
import dev.wsgiservlet.python.harness.TomcatServer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A Python application that cannot start fails its deployment at start-up, with a log message
 * that names the parameter at fault and, for a failed import, carries the Python traceback. Each
 * case is a context of one Tomcat, its servlet loaded on start-up, with the modules of
 * {@code src/test/webapps/startup/WEB-INF/python}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StartupErrorsTest {

    private static final String WEBAPP = Path.of("src/test/webapps/startup").toAbsolutePath().toString();

    private static TomcatServer server;

    /** Context path, the parameter at fault, the start of the problem, and the init-params. */
    static List<Arguments> cases() {
        return List.of(
                Arguments.of("/import-error", "application", "'python:broken': importing broken raised"
                        + " ZeroDivisionError: division by zero (python.path: ",
                        new String[] {"application", "python:broken"}),
                Arguments.of("/no-such-callable", "application",
                        "'python:hello:nosuch': LookupError: module 'hello' has no attribute 'nosuch'",
                        new String[] {"application", "python:hello:nosuch"}),
                Arguments.of("/not-callable", "application",
                        "'python:hello:NOT_CALLABLE': TypeError: hello:NOT_CALLABLE is a int, not a callable",
                        new String[] {"application", "python:hello:NOT_CALLABLE"}),
                Arguments.of("/bad-spec", "application", "'python:hello-world': 'hello-world' is not a Python module name",
                        new String[] {"application", "python:hello-world"}),
                Arguments.of("/bad-contexts", "python.contexts", "'0': expected a whole number from 1 to 256",
                        new String[] {"application", "python:hello", "python.contexts", "0"}),
                Arguments.of("/bad-path", "python.path", "'/WEB-INF/python:/WEB-INF/missing': /WEB-INF/missing does"
                        + " not exist", new String[] {"application", "python:hello", "python.path",
                            "/WEB-INF/python:/WEB-INF/missing"}),
                Arguments.of("/bad-timeout", "python.acquire-timeout", "'soon': expected a duration",
                        new String[] {"application", "python:hello", "python.acquire-timeout", "soon"}),
                Arguments.of("/bad-graalpy-option", "python.IsolateNativeModules", "'maybe': GraalPy does not accept it",
                        new String[] {"application", "python:hello", "python.IsolateNativeModules", "maybe"}),
                Arguments.of("/slow-import", "python.startup-timeout", "'1s': starting Python and importing slow"
                        + " took longer", new String[] {"application", "python:slow", "python.startup-timeout", "1s"}));
    }

    @BeforeAll
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    static void deploy() throws Exception {
        server = TomcatServer.create();
        for (Arguments arguments : cases()) {
            Object[] args = arguments.get();
            Context context = server.tomcat().addContext((String) args[0], WEBAPP);
            Wrapper servlet = Tomcat.addServlet(context, "app", "dev.wsgiservlet.WsgiServlet");
            String[] params = (String[]) args[3];
            for (int i = 0; i < params.length; i += 2) {
                servlet.addInitParameter(params[i], params[i + 1]);
            }
            servlet.setLoadOnStartup(1);
            context.addServletMappingDecoded("/*", "app");
        }
        Context twice = server.tomcat().addContext("/native-module", WEBAPP);
        Wrapper servlet = Tomcat.addServlet(twice, "app", "dev.wsgiservlet.WsgiServlet");
        servlet.addInitParameter("application", "python:native_module");
        servlet.addInitParameter("python.contexts", "2");
        servlet.setLoadOnStartup(1);
        twice.addServletMappingDecoded("/*", "app");
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void theDeploymentFailsNamingTheParameter(String path, String parameter, String problem, String[] params)
            throws Exception {
        String log = server.log().text();
        String expected = "wsgi-servlet: servlet 'app' cannot start: init-param '" + parameter + "' = " + problem;
        assertTrue(log.contains(expected), "expected in the log: " + expected + "\nlog:\n" + log);
        assertNotEquals(200, RawHttp.get(server.port(), path + "/").status(), "the servlet serves nothing");
    }

    @Test
    void anImportErrorLogsThePythonTraceback() {
        String log = server.log().text();
        int at = log.indexOf("'python:broken': importing broken");
        assertTrue(at >= 0, log);
        String failure = log.substring(at);
        assertTrue(failure.contains("Traceback (most recent call last):\n"), failure);
        assertTrue(failure.contains("broken.py\", line 3, in <module>\n    SETTINGS = {'ratio': 1 / 0}"), failure);
        assertTrue(failure.contains("ZeroDivisionError: division by zero"), failure);
    }

    /**
     * Without python.IsolateNativeModules, GraalPy loads a native module into one context of the
     * process: the second context fails, the log says which parameters to set, the first serves.
     * (Only this deployment imports termios in the test JVM.)
     */
    @Test
    void aSecondContextThatCannotLoadANativeModuleIsReportedAndTheFirstServes() throws Exception {
        String expected = "wsgi-servlet-python: starting another GraalPy context for native_module:application"
                + " failed; serving with fewer (the application loads a native module: set"
                + " python.IsolateNativeModules to true, which needs the patchelf program, or python.contexts to 1)";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(50);
        while (!server.log().text().contains(expected) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        String log = server.log().text();
        assertTrue(log.contains(expected), log);
        assertTrue(log.contains("a second GraalPy context attempted to load a native module 'termios'"), log);
        assertEquals("termios loaded\n", RawHttp.get(server.port(), "/native-module/").text());
    }

    @Test
    void aCancelledStartLeavesNoStarterThread() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<String> starters;
        do {
            starters = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                    .filter(name -> name.startsWith("wsgi-servlet-python-")).toList();
            if (starters.isEmpty()) {
                break;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        assertEquals(List.of(), starters);
    }
}
