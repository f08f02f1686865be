package dev.wsgiservlet.sample;

import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;

/** A {@link ServletContext} over a web application folder, with only what the sample calls. */
final class FakeServletContext {

    static final Path WEBAPP = Path.of("src/main/webapp").toAbsolutePath();

    private FakeServletContext() {
    }

    /**
     * @param unpacked whether {@code getRealPath} answers, as for an unpacked WAR; otherwise only
     *     {@code getResource} does, as for a packed one
     */
    static ServletContext of(boolean unpacked) {
        return (ServletContext) Proxy.newProxyInstance(FakeServletContext.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getServerInfo":
                            return "FakeServer/1.0";
                        case "getRealPath":
                            return unpacked ? file((String) args[0]).toString() : null;
                        case "getResource":
                            Path file = file((String) args[0]);
                            return Files.exists(file) ? file.toUri().toURL() : null;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    private static Path file(String resource) {
        return WEBAPP.resolve(resource.substring(1));
    }
}
