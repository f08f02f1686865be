package dev.wsgiservlet.python;

import org.graalvm.polyglot.Engine;

/**
 * Whether Truffle compiles Python to machine code (the Graal JIT) or only interprets it, and the
 * one line the log gets about it at start-up.
 *
 * <p>The polyglot engine reports its runtime: {@code "Interpreted"} is Truffle's fallback
 * runtime, used when no Graal compiler is available (JDK 17, or a JDK without the compiler jars
 * on the module path); any other name is an optimizing runtime. The compiler on the module path
 * shows as the boot layer's {@code jdk.graal.compiler} module.
 */
final class JitStatus {

    static final String FALLBACK_RUNTIME = "Interpreted";
    static final String COMPILER_MODULE = "jdk.graal.compiler";
    static final String GRAAL_VERSION = "25.0.3";

    private JitStatus() {
    }

    static boolean active(Engine engine) {
        return !FALLBACK_RUNTIME.equals(engine.getImplementationName());
    }

    /** The start-up log line for this engine in this JVM. */
    static String line(Engine engine) {
        return line(engine.getImplementationName(), engine.getLanguages().get("python").getVersion(),
                ModuleLayer.boot().findModule(COMPILER_MODULE).isPresent(), Runtime.version().feature());
    }

    /**
     * The line; when the JIT is off, it says how to turn it on.
     *
     * @param runtime the engine's implementation name
     * @param compilerOnModulePath whether the Graal compiler is in the JVM's boot layer
     */
    static String line(String runtime, String pythonVersion, boolean compilerOnModulePath, int javaVersion) {
        String python = "GraalPy (Python " + pythonVersion + ")";
        if (!FALLBACK_RUNTIME.equals(runtime)) {
            return "wsgi-servlet-python: JIT on: " + python + " is compiled by the Graal JIT (Truffle runtime: "
                    + runtime + ", Java " + javaVersion + ")";
        }
        String off = "wsgi-servlet-python: JIT off: " + python + " runs interpreted only (Java " + javaVersion
                + "), several times slower than CPython. ";
        if (compilerOnModulePath) {
            return off + "The Graal compiler is on the module path, but this copy of GraalPy cannot use it: only"
                    + " the first copy of Truffle loaded in a JVM can, and this one was loaded after another (a"
                    + " redeploy, or a second WAR, with the GraalPy jars in WEB-INF/lib). Put the GraalPy jars on"
                    + " the container's shared class path, or restart the container; see docs/python.md";
        }
        return off + "To turn the JIT on, run the container on JDK 25 with -XX:+UnlockExperimentalVMOptions"
                + " -XX:+EnableJVMCI --upgrade-module-path=compiler-" + GRAAL_VERSION + ".jar:collections-"
                + GRAAL_VERSION + ".jar:word-" + GRAAL_VERSION + ".jar:truffle-compiler-" + GRAAL_VERSION + ".jar"
                + " (org.graalvm.compiler:compiler, org.graalvm.sdk:collections, org.graalvm.sdk:word,"
                + " org.graalvm.truffle:truffle-compiler from Maven Central); see docs/python.md";
    }
}
