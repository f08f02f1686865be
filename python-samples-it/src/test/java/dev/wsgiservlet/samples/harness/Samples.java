package dev.wsgiservlet.samples.harness;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the build put the sample WARs and the test-only Python modules (failsafe system properties). */
public final class Samples {

    private Samples() {
    }

    /** The exploded Flask sample WAR. */
    public static Path flaskWar() {
        return directory("samples.flask.war");
    }

    /** The exploded Django sample WAR. */
    public static Path djangoWar() {
        return directory("samples.django.war");
    }

    /** The Django project's sources, as startproject left them plus the pages app. */
    public static Path djangoSources() {
        return directory("samples.django.sources");
    }

    /**
     * A web.xml of {@code src/test/resources/validated}: a sample's, naming a validator-wrapped
     * callable of {@code src/test/python}.
     */
    public static Path validatedDescriptor(String name) {
        URL resource = Samples.class.getResource("/validated/" + name);
        if (resource == null) {
            throw new IllegalStateException("no test resource validated/" + name);
        }
        try {
            return Path.of(resource.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Each sample WAR, as a test deploys it: one GraalPy context, since every context imports the
     * whole framework (10 to 40 s without a JIT) and the tests send one request at a time.
     */
    public static Webapp deployed(String contextPath, Path war) {
        return Webapp.of(contextPath, war).withContextParameter("python.contexts", "1");
    }

    private static Path directory(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set; run the tests through Maven (mvn verify)");
        }
        Path path = Path.of(value).toAbsolutePath().normalize();
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException(property + ": no folder at " + path);
        }
        return path;
    }
}
