package dev.wsgiservlet.python;

import java.lang.reflect.Field;
import org.graalvm.polyglot.Engine;

/**
 * Keeps the polyglot API's JVM shutdown hook from pinning a web application in memory.
 *
 * <p>The first {@link Engine} built by a copy of the polyglot API registers a shutdown hook (a
 * thread running {@code Engine$EngineShutDownHook}, with the creating thread's context class
 * loader) that closes engines still open when the JVM exits. When the polyglot jars are in the
 * WAR's {@code WEB-INF/lib}, that copy belongs to the web application, and the hook keeps its
 * class loader, with every class of GraalPy and Truffle, reachable after undeploy: one more copy
 * per redeploy. This module closes its engines itself on undeploy, so for a copy private to the
 * web application it marks the hook as registered before the first engine is built. GraalVM's
 * polyglot API has no public switch for it (checked for 25.0.3).
 */
final class EngineShutdownHook {

    private static final String FIELD = "shutdownHookInitialized";

    private EngineShutdownHook() {
    }

    /**
     * Skips the hook when the polyglot API was loaded by {@code webApplication}'s class loader.
     *
     * @return a warning for the log when the hook could not be skipped, else {@code null}
     */
    static String skipIfPrivateTo(ClassLoader webApplication) {
        if (Engine.class.getClassLoader() != webApplication) {
            return null; // shared by the container: one hook for the JVM, which pins no web application
        }
        try {
            Field registered = Engine.class.getDeclaredField(FIELD);
            registered.setAccessible(true);
            registered.setBoolean(null, true);
            return null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "wsgi-servlet-python: the GraalPy jars are in WEB-INF/lib and this polyglot API's shutdown hook"
                    + " could not be skipped (" + e + "); each undeploy will leave this web application's class"
                    + " loader in memory. Put the GraalPy jars on the container's shared class path instead.";
        }
    }
}
