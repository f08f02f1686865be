package dev.wsgiservlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsgiservlet.fixtures.LoaderFixtures;
import dev.wsgiservlet.spi.Deployment;
import dev.wsgiservlet.spi.InvalidParameterException;
import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.Test;

class JavaApplicationLoaderTest {

    static final String F = LoaderFixtures.class.getName();

    /** A deployment whose class loader is the test's. */
    static Deployment deployment(ClassLoader classLoader) {
        return new Deployment() {
            @Override
            public String parameter(String name) {
                return null;
            }

            @Override
            public ServletContext servletContext() {
                return null;
            }

            @Override
            public ClassLoader classLoader() {
                return classLoader;
            }

            @Override
            public void log(String message) {
            }
        };
    }

    private static WsgiApplication load(String spec) throws InvalidParameterException {
        return new JavaApplicationLoader().load(spec, deployment(JavaApplicationLoaderTest.class.getClassLoader()));
    }

    /** Loading fails with a message that names the parameter, the value and the problem. */
    private static InvalidParameterException assertRejected(String spec, String problem) {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> load(spec));
        assertEquals("application", e.parameter());
        assertTrue(e.getMessage().contains("application"), e.getMessage());
        assertTrue(e.getMessage().contains(spec), e.getMessage());
        assertTrue(e.getMessage().contains(problem), () -> "expected \"" + problem + "\" in: " + e.getMessage());
        return e;
    }

    @Test
    void schemeIsEmpty() {
        assertEquals("", new JavaApplicationLoader().scheme());
    }

    // --- a class name ---------------------------------------------------------------------------

    @Test
    void constructsAClass() throws InvalidParameterException {
        WsgiApplication app = load(F + "$Hello");
        assertEquals(LoaderFixtures.Hello.class, app.getClass());
    }

    @Test
    void eachLoadConstructsAFreshInstance() throws InvalidParameterException {
        assertTrue(load(F + "$Hello") != load(F + "$Hello"));
    }

    @Test
    void missingClass() {
        InvalidParameterException e = assertRejected("com.example.NoSuchApp", "no class com.example.NoSuchApp");
        assertInstanceOf(ClassNotFoundException.class, e.getCause());
    }

    @Test
    void classThatIsNotAnApplication() {
        assertRejected(F + "$NotAnApp", "does not implement dev.wsgiservlet.WsgiApplication");
    }

    @Test
    void classWithoutANoArgumentConstructor() {
        assertRejected(F + "$NeedsArgument", "no public no-argument constructor");
    }

    @Test
    void classWithOnlyAPrivateConstructor() {
        assertRejected(F + "$PrivateConstructor", "no public no-argument constructor");
    }

    @Test
    void abstractClass() {
        assertRejected(F + "$AbstractApp", "abstract");
    }

    @Test
    void interfaceIsRejected() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> load(F + "$AppInterface"));
        assertTrue(e.getMessage().contains("application") && e.getMessage().contains(F + "$AppInterface"), e.getMessage());
    }

    @Test
    void constructorThatThrows() {
        InvalidParameterException e = assertRejected(F + "$ThrowingConstructor", "boom in constructor");
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertEquals("boom in constructor", e.getCause().getMessage());
    }

    @Test
    void classNotAccessibleFromTheLoader() {
        assertRejected(F + "$Hidden", "cannot construct");
    }

    @Test
    void staticInitialiserThatThrows() {
        InvalidParameterException e = assertRejected(F + "$FailingInitialiser", "boom in static initialiser");
        assertInstanceOf(IllegalStateException.class, e.getCause());
    }

    @Test
    void emptyClassNameBeforeHash() {
        assertRejected("#field", "no class name");
    }

    // --- Class#field ----------------------------------------------------------------------------

    @Test
    void readsAStaticField() throws InvalidParameterException {
        assertSame(LoaderFixtures.FIELD, load(F + "#FIELD"));
        assertSame(LoaderFixtures.LAMBDA, load(F + "#LAMBDA"));
    }

    @Test
    void missingField() {
        assertRejected(F + "#NOPE", "no public field NOPE");
    }

    @Test
    void privateFieldIsNotFound() {
        assertRejected(F + "#PRIVATE_FIELD", "no public field PRIVATE_FIELD");
    }

    @Test
    void fieldThatIsNotStatic() {
        assertRejected(F + "#instanceField", "not static");
    }

    @Test
    void fieldThatIsNotAnApplication() {
        assertRejected(F + "#NOT_AN_APP", "java.lang.String");
    }

    @Test
    void fieldThatIsNull() {
        assertRejected(F + "#nullField", "null");
    }

    @Test
    void fieldOfAMissingClass() {
        assertRejected("com.example.Nope#FIELD", "no class com.example.Nope");
    }

    // --- Class#method() -------------------------------------------------------------------------

    @Test
    void callsAStaticMethod() throws InvalidParameterException {
        assertSame(LoaderFixtures.METHOD_RESULT, load(F + "#method()"));
    }

    @Test
    void missingMethod() {
        assertRejected(F + "#nope()", "no public no-argument method nope()");
    }

    @Test
    void methodThatTakesArguments() {
        assertRejected(F + "#withArgument()", "no public no-argument method withArgument()");
    }

    @Test
    void privateMethodIsNotFound() {
        assertRejected(F + "#privateMethod()", "no public no-argument method privateMethod()");
    }

    @Test
    void methodThatIsNotStatic() {
        assertRejected(F + "#instanceMethod()", "not static");
    }

    @Test
    void methodThatThrows() {
        InvalidParameterException e = assertRejected(F + "#throwing()", "boom in method");
        assertInstanceOf(IllegalStateException.class, e.getCause());
    }

    @Test
    void methodThatReturnsSomethingElse() {
        assertRejected(F + "#notAnAppMethod()", "java.lang.String");
    }

    @Test
    void methodThatReturnsNull() {
        assertRejected(F + "#nullMethod()", "null");
    }

    @Test
    void methodNameWithoutParenthesesIsReadAsAField() {
        assertRejected(F + "#method", "no public field method");
    }
}
