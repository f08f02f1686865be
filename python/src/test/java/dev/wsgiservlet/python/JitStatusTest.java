package dev.wsgiservlet.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JitStatusTest {

    @Test
    void on() {
        assertEquals("wsgi-servlet-python: JIT on: GraalPy (Python 3.12.8) is compiled by the Graal JIT"
                + " (Truffle runtime: GraalVM CE, Java 25)", JitStatus.line("GraalVM CE", "3.12.8", true, 25));
    }

    @Test
    void offWithoutTheCompilerSaysHowToTurnItOn() {
        String line = JitStatus.line("Interpreted", "3.12.8", false, 17);
        assertTrue(line.startsWith("wsgi-servlet-python: JIT off: GraalPy (Python 3.12.8) runs interpreted only"
                + " (Java 17), several times slower than CPython. To turn the JIT on, run the container on JDK 25 with"
                + " -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=compiler-25.0.3.jar:"
                + "collections-25.0.3.jar:word-25.0.3.jar:truffle-compiler-25.0.3.jar"), line);
        assertTrue(line.endsWith("see docs/python.md"), line);
    }

    @Test
    void offWithTheCompilerSaysWhyThisCopyCannotUseIt() {
        String line = JitStatus.line("Interpreted", "3.12.8", true, 25);
        assertTrue(line.startsWith("wsgi-servlet-python: JIT off: GraalPy (Python 3.12.8) runs interpreted only"
                + " (Java 25), several times slower than CPython. The Graal compiler is on the module path, but this"
                + " copy of GraalPy cannot use it"), line);
        assertTrue(line.contains("Put the GraalPy jars on the container's shared class path, or restart"), line);
    }
}
