package dev.wsgiservlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsgiservlet.fixtures.LoaderFixtures;
import dev.wsgiservlet.spi.ApplicationLoader;
import dev.wsgiservlet.spi.InvalidParameterException;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApplicationLoadersTest {

    @TempDir
    Path dir;

    private static final ClassLoader TEST_LOADER = ApplicationLoadersTest.class.getClassLoader();

    /** A class loader that adds service registrations for the given loader classes. */
    private URLClassLoader withLoaders(Class<?>... loaders) throws IOException {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        StringBuilder lines = new StringBuilder();
        for (Class<?> loader : loaders) {
            lines.append(loader.getName()).append('\n');
        }
        Files.writeString(services.resolve(ApplicationLoader.class.getName()), lines);
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, TEST_LOADER);
    }

    // --- scheme ---------------------------------------------------------------------------------

    @ParameterizedTest(name = "scheme(\"{0}\") = \"{1}\"")
    @CsvSource(emptyValue = "", value = {
        "com.example.App, ''",
        "com.example.Apps#hello, ''",
        "com.example.Apps#hello(), ''",
        "python:mysite.wsgi:application, python",
        "python:mysite, python",
        "echo:, echo",
        "a+b.c-d9:x, a+b.c-d9",
        ":x, ''",
        "1py:x, ''",
        "py thon:x, ''",
        "_py:x, ''",
        "'', ''",
    })
    void schemeIsTheUriStylePrefix(String value, String scheme) {
        assertEquals(scheme, ApplicationLoaders.scheme(value));
    }

    // --- load -----------------------------------------------------------------------------------

    @Test
    void plainClassNameGoesToTheJavaLoader() throws Exception {
        WsgiApplication app = ApplicationLoaders.load(LoaderFixtures.class.getName() + "$Hello",
                JavaApplicationLoaderTest.deployment(TEST_LOADER));
        assertInstanceOf(LoaderFixtures.Hello.class, app);
    }

    @Test
    void fieldFormGoesToTheJavaLoader() throws Exception {
        assertEquals(LoaderFixtures.FIELD, ApplicationLoaders.load(LoaderFixtures.class.getName() + "#FIELD",
                JavaApplicationLoaderTest.deployment(TEST_LOADER)));
    }

    @Test
    void missingValueIsRejected() {
        for (String value : new String[] {null, ""}) {
            InvalidParameterException e = assertThrows(InvalidParameterException.class,
                    () -> ApplicationLoaders.load(value, JavaApplicationLoaderTest.deployment(TEST_LOADER)));
            assertEquals("application", e.parameter());
            assertTrue(e.getMessage().contains("missing"), e.getMessage());
        }
    }

    @Test
    void unknownSchemeNamesTheValue() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> ApplicationLoaders.load("ruby:config.ru", JavaApplicationLoaderTest.deployment(TEST_LOADER)));
        assertEquals("application", e.parameter());
        assertTrue(e.getMessage().contains("ruby:config.ru"), e.getMessage());
        assertTrue(e.getMessage().contains("no loader for 'ruby:'"), e.getMessage());
    }

    @Test
    void pythonWithoutThePythonModuleSaysWhichJarToAdd() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> ApplicationLoaders.load("python:mysite.wsgi:application",
                        JavaApplicationLoaderTest.deployment(TEST_LOADER)));
        assertTrue(e.getMessage().contains("python:mysite.wsgi:application"), e.getMessage());
        assertTrue(e.getMessage().contains("wsgi-servlet-python"), e.getMessage());
    }

    @Test
    void schemeGoesToTheLoaderRegisteredForItWithTheRestOfTheValue() throws Exception {
        try (URLClassLoader loader = withLoaders(LoaderFixtures.EchoLoader.class)) {
            WsgiApplication app = ApplicationLoaders.load("echo:some:spec#x",
                    JavaApplicationLoaderTest.deployment(loader));
            assertEquals("some:spec#x", ((LoaderFixtures.Echo) app).spec);
        }
    }

    @Test
    void javaNamesStillWorkBesideOtherLoaders() throws Exception {
        try (URLClassLoader loader = withLoaders(LoaderFixtures.EchoLoader.class)) {
            assertInstanceOf(LoaderFixtures.Hello.class, ApplicationLoaders.load(
                    LoaderFixtures.class.getName() + "$Hello", JavaApplicationLoaderTest.deployment(loader)));
        }
    }

    @Test
    void twoDifferentLoadersForOneSchemeAreRejected() throws Exception {
        try (URLClassLoader loader = withLoaders(LoaderFixtures.EchoLoader.class,
                LoaderFixtures.RivalEchoLoader.class)) {
            InvalidParameterException e = assertThrows(InvalidParameterException.class,
                    () -> ApplicationLoaders.load("echo:x", JavaApplicationLoaderTest.deployment(loader)));
            assertTrue(e.getMessage().contains(LoaderFixtures.EchoLoader.class.getName())
                    && e.getMessage().contains(LoaderFixtures.RivalEchoLoader.class.getName()), e.getMessage());
        }
    }

    @Test
    void brokenServiceRegistrationIsAnInvalidParameter() throws Exception {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve(ApplicationLoader.class.getName()), "com.example.NoSuchLoader\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, TEST_LOADER)) {
            InvalidParameterException e = assertThrows(InvalidParameterException.class,
                    () -> ApplicationLoaders.load("echo:x", JavaApplicationLoaderTest.deployment(loader)));
            assertEquals("application", e.parameter());
            assertTrue(e.getMessage().contains("com.example.NoSuchLoader"), e.getMessage());
        }
    }
}
