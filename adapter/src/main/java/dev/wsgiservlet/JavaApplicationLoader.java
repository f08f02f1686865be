package dev.wsgiservlet;

import dev.wsgiservlet.spi.ApplicationLoader;
import dev.wsgiservlet.spi.Deployment;
import dev.wsgiservlet.spi.InvalidParameterException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * The Java forms of the {@code application} parameter: {@code com.example.App} (a class with a
 * public no-argument constructor), {@code com.example.Apps#field} (a public static field) and
 * {@code com.example.Apps#method()} (a public static no-argument method).
 */
public final class JavaApplicationLoader implements ApplicationLoader {

    @Override
    public String scheme() {
        return "";
    }

    @Override
    public WsgiApplication load(String spec, Deployment deployment) throws InvalidParameterException {
        int hash = spec.indexOf('#');
        String className = hash < 0 ? spec : spec.substring(0, hash);
        Class<?> type = loadClass(spec, className, deployment.classLoader());
        if (hash < 0) {
            return construct(spec, type);
        }
        String member = spec.substring(hash + 1);
        if (member.endsWith("()")) {
            return invoke(spec, type, member.substring(0, member.length() - 2));
        }
        return read(spec, type, member);
    }

    private static Class<?> loadClass(String spec, String className, ClassLoader loader)
            throws InvalidParameterException {
        if (className.isEmpty()) {
            throw invalid(spec, "no class name before '#'", null);
        }
        try {
            return Class.forName(className, true, loader);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw invalid(spec, "no class " + className + " on the web application's class path", e);
        } catch (ExceptionInInitializerError e) {
            throw invalid(spec, "initialising class " + className + " failed: " + e.getCause(), e.getCause());
        }
    }

    private static WsgiApplication construct(String spec, Class<?> type) throws InvalidParameterException {
        if (!WsgiApplication.class.isAssignableFrom(type)) {
            throw invalid(spec, "class " + type.getName() + " does not implement "
                    + WsgiApplication.class.getName(), null);
        }
        Constructor<?> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw invalid(spec, "class " + type.getName() + " has no public no-argument constructor", e);
        }
        if (Modifier.isAbstract(type.getModifiers())) {
            throw invalid(spec, "class " + type.getName() + " is abstract", null);
        }
        try {
            return (WsgiApplication) constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw invalid(spec, "the constructor of " + type.getName() + " threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw invalid(spec, "cannot construct " + type.getName() + ": " + e, e);
        }
    }

    private static WsgiApplication invoke(String spec, Class<?> type, String name) throws InvalidParameterException {
        Method method;
        try {
            method = type.getMethod(name);
        } catch (NoSuchMethodException e) {
            throw invalid(spec, "class " + type.getName() + " has no public no-argument method " + name + "()", e);
        }
        requireStatic(spec, method, "method " + name + "()");
        try {
            return application(spec, method.invoke(null), "method " + name + "()");
        } catch (InvocationTargetException e) {
            throw invalid(spec, "method " + name + "() threw " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw invalid(spec, "method " + name + "() is not accessible", e);
        }
    }

    private static WsgiApplication read(String spec, Class<?> type, String name) throws InvalidParameterException {
        Field field;
        try {
            field = type.getField(name);
        } catch (NoSuchFieldException e) {
            throw invalid(spec, "class " + type.getName() + " has no public field " + name
                    + " (write " + name + "() for a method)", e);
        }
        requireStatic(spec, field, "field " + name);
        try {
            return application(spec, field.get(null), "field " + name);
        } catch (IllegalAccessException e) {
            throw invalid(spec, "field " + name + " is not accessible", e);
        }
    }

    private static void requireStatic(String spec, Member member, String what) throws InvalidParameterException {
        if (!Modifier.isStatic(member.getModifiers())) {
            throw invalid(spec, what + " of " + member.getDeclaringClass().getName() + " is not static", null);
        }
    }

    private static WsgiApplication application(String spec, Object value, String what) throws InvalidParameterException {
        if (value instanceof WsgiApplication app) {
            return app;
        }
        throw invalid(spec, what + " gave " + (value == null ? "null" : "a " + value.getClass().getName())
                + ", not a " + WsgiApplication.class.getName(), null);
    }

    private static InvalidParameterException invalid(String spec, String problem, Throwable cause) {
        return new InvalidParameterException(Settings.APPLICATION, spec, problem, cause);
    }
}
