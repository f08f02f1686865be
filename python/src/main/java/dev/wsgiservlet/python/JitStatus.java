package dev.wsgiservlet.python;

import org.graalvm.polyglot.Engine;

/**
 * Whether Truffle compiles Python to machine code (the Graal JIT) or only interprets it, and the
 * one line the log gets about it at start-up.
 *
 * <p>The polyglot engine reports its runtime: {@code "Interpreted"} is Truffle's fallback
 * runtime, used when no Graal compiler is available (JDK 17, or a JDK without the compiler jars
 * on the module path); any other name is an optimizing runtime.
 */
final class JitStatus {

    static final String FALLBACK_RUNTIME = "Interpreted";
    static final String GRAAL_VERSION = "25.0.3";

    private JitStatus() {
    }

    static boolean active(Engine engine) {
        return !FALLBACK_RUNTIME.equals(engine.getImplementationName());
    }

    /** The start-up log line; when the JIT is off, it says how to turn it on. */
    static String line(Engine engine) {
        String python = "GraalPy (Python " + engine.getLanguages().get("python").getVersion() + ")";
        if (active(engine)) {
            return "wsgi-servlet-python: JIT on: " + python + " is compiled by the Graal JIT (Truffle runtime: "
                    + engine.getImplementationName() + ", Java " + Runtime.version().feature() + ")";
        }
        return "wsgi-servlet-python: JIT off: " + python + " runs interpreted only (Java "
                + Runtime.version().feature() + "), several times slower than CPython. To turn the JIT on, run the"
                + " container on JDK 25 with -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI"
                + " --upgrade-module-path=" + "compiler-" + GRAAL_VERSION + ".jar:collections-" + GRAAL_VERSION
                + ".jar:word-" + GRAAL_VERSION + ".jar:truffle-compiler-" + GRAAL_VERSION + ".jar"
                + " (org.graalvm.compiler:compiler, org.graalvm.sdk:collections, org.graalvm.sdk:word,"
                + " org.graalvm.truffle:truffle-compiler from Maven Central); see docs/python.md";
    }
}
