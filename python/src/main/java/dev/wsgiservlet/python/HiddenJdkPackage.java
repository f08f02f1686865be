package dev.wsgiservlet.python;

import java.util.List;

/**
 * Recognises a start-up failure caused by a JDK package that GraalPy needs but the web
 * application's class loader does not see, and says how to fix it. WildFly's JBoss Modules shows a
 * deployment only the JDK packages it exports by default; {@code sun.misc} (Truffle's use of
 * {@code Unsafe}) and, with the Graal JIT, the compiler's packages are not among them. Without this,
 * the deployer sees only a {@code NoClassDefFoundError}.
 */
final class HiddenJdkPackage {

    /** What GraalPy loads from the JDK, as internal names; the JIT-only ones after the first. */
    private static final List<String> PACKAGES = List.of("sun/misc/", "com/oracle/truffle/compiler/", "jdk/vm/ci/",
            "jdk/jfr/");

    private HiddenJdkPackage() {
    }

    /** The explanation for {@code failure}, or null when no needed JDK package is named in its causes. */
    static String explain(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message == null || !(t instanceof LinkageError)) {
                continue;
            }
            for (String internal : PACKAGES) {
                if (message.contains(internal)) {
                    String name = internal.substring(0, internal.length() - 1).replace('/', '.');
                    return "GraalPy needs the JDK package " + name + ", which the web application's class loader"
                            + " does not see (" + message + "). On WildFly, list it in JBOSS_MODULES_SYSTEM_PKGS in"
                            + " bin/standalone.conf: sun.misc always, and com.oracle.truffle.compiler, jdk.vm.ci and"
                            + " jdk.jfr with the Graal JIT; see docs/python.md, \"WildFly\"";
                }
            }
        }
        return null;
    }
}
