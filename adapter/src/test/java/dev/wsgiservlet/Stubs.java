package dev.wsgiservlet;

import jakarta.servlet.ServletContext;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

/** Hand-written stubs of servlet interfaces, built from {@link Proxy}: no mocking library. */
final class Stubs {

    /** Answers one stubbed method; may throw whatever the method declares. */
    @FunctionalInterface
    interface Answer {
        Object answer(Object[] args) throws Throwable;
    }

    private Stubs() {
    }

    /**
     * A proxy of {@code type} whose methods named in {@code answers} answer as given; every other
     * method returns the zero value of its return type (null, 0, false).
     */
    static <T> T stub(Class<T> type, Map<String, Answer> answers) {
        InvocationHandler handler = (proxy, method, args) -> {
            Answer answer = answers.get(method.getName());
            if (answer != null) {
                return answer.answer(args == null ? new Object[0] : args);
            }
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, method, args);
            }
            return zero(method.getReturnType());
        };
        return type.cast(Proxy.newProxyInstance(Stubs.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    /** A {@link ServletContext} whose {@code log(String)} records into {@code records}. */
    static ServletContext loggingContext(List<String> records) {
        return stub(ServletContext.class, Map.of("log", args -> {
            records.add((String) args[0]);
            return null;
        }));
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args) {
        switch (method.getName()) {
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return "stub of " + proxy.getClass().getInterfaces()[0].getSimpleName();
            default:
                throw new UnsupportedOperationException(method.toString());
        }
    }

    private static Object zero(Class<?> type) {
        if (!type.isPrimitive() || type == void.class) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return '\0';
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        if (type == short.class) {
            return (short) 0;
        }
        return 0;
    }
}
