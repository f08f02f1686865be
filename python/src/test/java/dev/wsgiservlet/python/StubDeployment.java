package dev.wsgiservlet.python;

import dev.wsgiservlet.spi.Deployment;
import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A deployment for unit tests: parameters from a map, a web application unpacked at {@code root}. */
final class StubDeployment implements Deployment {

    final Map<String, String> parameters = new HashMap<>();
    final List<String> logged = new ArrayList<>();
    private final ServletContext context;

    StubDeployment(Path root) {
        this.context = (ServletContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getRealPath":
                            return root == null ? null : root.resolve(((String) args[0]).substring(1)).toString();
                        case "log":
                            logged.add((String) args[0]);
                            return null;
                        case "getAttribute":
                            return null;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    StubDeployment with(String name, String value) {
        parameters.put(name, value);
        return this;
    }

    @Override
    public String parameter(String name) {
        return parameters.get(name);
    }

    @Override
    public ServletContext servletContext() {
        return context;
    }

    @Override
    public ClassLoader classLoader() {
        return getClass().getClassLoader();
    }

    @Override
    public void log(String message) {
        logged.add(message);
    }
}
