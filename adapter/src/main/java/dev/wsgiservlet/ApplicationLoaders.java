package dev.wsgiservlet;

import dev.wsgiservlet.spi.ApplicationLoader;
import dev.wsgiservlet.spi.Deployment;
import dev.wsgiservlet.spi.InvalidParameterException;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Picks the {@link ApplicationLoader} for an {@code application} value by its scheme, and loads it. */
final class ApplicationLoaders {

    private ApplicationLoaders() {
    }

    static WsgiApplication load(String value, Deployment deployment) throws Exception {
        if (value == null || value.isEmpty()) {
            throw new InvalidParameterException(Settings.APPLICATION, value == null ? "" : value,
                    "missing; name a WsgiApplication class, Class#field, Class#method() or python:module:callable");
        }
        String scheme = scheme(value);
        Map<String, ApplicationLoader> loaders = discover(deployment.classLoader());
        ApplicationLoader loader = loaders.get(scheme);
        if (loader == null) {
            throw new InvalidParameterException(Settings.APPLICATION, value, "no loader for '" + scheme
                    + ":' on the class path" + ("python".equals(scheme)
                            ? " (add the wsgi-servlet-python jar to WEB-INF/lib)" : "")
                    + "; known: " + loaders.keySet());
        }
        String spec = scheme.isEmpty() ? value : value.substring(scheme.length() + 1);
        return loader.load(spec, deployment);
    }

    /** The URI-style scheme before the first ':', or "" for a Java class name (which has no ':'). */
    static String scheme(String value) {
        int colon = value.indexOf(':');
        if (colon <= 0) {
            return "";
        }
        for (int i = 0; i < colon; i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
            if (!ok) {
                return "";
            }
        }
        return value.substring(0, colon);
    }

    private static Map<String, ApplicationLoader> discover(ClassLoader classLoader) throws InvalidParameterException {
        Map<String, ApplicationLoader> byScheme = new HashMap<>();
        try {
            for (ApplicationLoader loader : ServiceLoader.load(ApplicationLoader.class, classLoader)) {
                ApplicationLoader previous = byScheme.putIfAbsent(loader.scheme(), loader);
                if (previous != null && previous.getClass() != loader.getClass()) {
                    throw new InvalidParameterException(Settings.APPLICATION, "",
                            "two loaders claim the scheme '" + loader.scheme() + "': "
                                    + previous.getClass().getName() + " and " + loader.getClass().getName());
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new InvalidParameterException(Settings.APPLICATION, "", "a loader failed to load: " + e.getMessage(), e);
        }
        byScheme.putIfAbsent("", new JavaApplicationLoader());
        return byScheme;
    }
}
