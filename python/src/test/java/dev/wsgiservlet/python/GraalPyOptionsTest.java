package dev.wsgiservlet.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsgiservlet.spi.InvalidParameterException;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.graalvm.polyglot.Engine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GraalPy's own options as parameters, checked against the options GraalPy declares. */
class GraalPyOptionsTest {

    private static Engine engine;

    @BeforeAll
    static void engine() {
        engine = ContextFactory.newEngine(new Handler() {
            @Override
            public void publish(LogRecord record) {
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void graalPyOptionsPassUnderTheirOwnNames() throws InvalidParameterException {
        StubDeployment deployment = new StubDeployment(null)
                .with("python.IsolateNativeModules", " true ")
                .with("python.PosixModuleBackend", "java")
                .with("python.contexts", "2");
        assertEquals(Map.of("python.IsolateNativeModules", "true", "python.PosixModuleBackend", "java"),
                GraalPyOptions.read(deployment, engine));
    }

    @Test
    void aValueGraalPyRejectsNamesTheParameter() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> GraalPyOptions.read(new StubDeployment(null).with("python.IsolateNativeModules", "maybe"), engine));
        assertEquals("python.IsolateNativeModules", e.parameter());
        assertTrue(e.getMessage().startsWith("init-param 'python.IsolateNativeModules' = 'maybe': GraalPy does not"
                + " accept it"), e.getMessage());
    }

    @Test
    void thePythonPathOptionIsPythonPath() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> GraalPyOptions.read(new StubDeployment(null).with("python.PythonPath", "/x"), engine));
        assertEquals("python.PythonPath", e.parameter());
        assertTrue(e.getMessage().endsWith("set python.path instead"), e.getMessage());
    }

    @Test
    void theJitLineMatchesTheRuntime() {
        String line = JitStatus.line(engine);
        if (JitStatus.active(engine)) {
            assertTrue(line.startsWith("wsgi-servlet-python: JIT on: GraalPy (Python 3.12"), line);
        } else {
            assertEquals("Interpreted", engine.getImplementationName());
            assertTrue(line.startsWith("wsgi-servlet-python: JIT off: GraalPy (Python 3.12"), line);
            assertTrue(line.contains("-XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path="
                    + "compiler-25.0.3.jar:collections-25.0.3.jar:word-25.0.3.jar:truffle-compiler-25.0.3.jar"), line);
        }
    }
}
