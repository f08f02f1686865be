package dev.wsgiservlet.python;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.runtime.ObjectMethods;

/**
 * Releases what JDK 17 keeps of the last record class whose {@code equals()}, {@code hashCode()}
 * or {@code toString()} was linked.
 *
 * <p>Records get those methods from {@link ObjectMethods#bootstrap}, which adapts shared method
 * handles to each record's types, and JDK 17 keeps the last adaptation of each in the handle's
 * {@code asTypeCache}, strongly. Truffle links records of its own, so with the GraalPy jars in
 * WEB-INF/lib an undeployed web application's class loader stayed reachable from a JDK class
 * until some other record was linked. Running the bootstrap once the
 * application is closed, for a JDK class, replaces those entries with JDK types. (JDK 20 and later keep such
 * adaptations softly.)
 */
final class RecordMethodsCache {

    private RecordMethodsCache() {
    }

    static void release() {
        // String, not Object: adapting a handle to the type it already has caches nothing.
        MethodHandle component = MethodHandles.identity(String.class);
        try {
            for (MethodType type : new MethodType[] {
                MethodType.methodType(boolean.class, String.class, Object.class),
                MethodType.methodType(int.class, String.class),
                MethodType.methodType(String.class, String.class)}) {
                String method = type.returnType() == boolean.class ? "equals"
                        : type.returnType() == int.class ? "hashCode" : "toString";
                ObjectMethods.bootstrap(MethodHandles.lookup(), method, type, String.class, "value", component);
            }
        } catch (Throwable e) {
            throw new IllegalStateException("java.lang.runtime.ObjectMethods refused a plain bootstrap", e);
        }
    }
}
