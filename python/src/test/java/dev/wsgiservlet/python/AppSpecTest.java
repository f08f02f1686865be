package dev.wsgiservlet.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsgiservlet.spi.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AppSpecTest {

    @Test
    void moduleAndCallable() throws InvalidParameterException {
        assertEquals(new AppSpec("mysite.wsgi", "application"), AppSpec.parse("mysite.wsgi:application"));
        assertEquals(new AppSpec("app", "create.wsgi_app"), AppSpec.parse("app:create.wsgi_app"));
        assertEquals(new AppSpec("_private", "app2"), AppSpec.parse(" _private:app2 "));
        assertEquals(new AppSpec("caf\u00e9", "\u00e9t\u00e9"), AppSpec.parse("caf\u00e9:\u00e9t\u00e9"));
    }

    @Test
    void aModuleAloneMeansItsApplication() throws InvalidParameterException {
        assertEquals(new AppSpec("mysite.wsgi", "application"), AppSpec.parse("mysite.wsgi"));
        assertEquals("mysite.wsgi:application", AppSpec.parse("mysite.wsgi").toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                  | no module named",
        ":app                | no module named",
        "my-site.wsgi        | 'my-site.wsgi' is not a Python module name",
        "mysite..wsgi:app    | 'mysite..wsgi' is not a Python module name",
        "1st:app             | '1st' is not a Python module name",
        "mysite.wsgi:        | no callable named after ':'",
        "mysite.wsgi:app()   | 'app()' is not a Python attribute name",
        "mysite.wsgi:a:b     | 'a:b' is not a Python attribute name",
        "/path/to/app.py:app | '/path/to/app.py' is not a Python module name",
    })
    void badFormsNameTheApplicationParameter(String spec, String problem) {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> AppSpec.parse(spec));
        assertEquals("application", e.parameter());
        assertTrue(e.getMessage().startsWith("init-param 'application' = 'python:" + spec + "': " + problem),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("for example python:mysite.wsgi:application"), e.getMessage());
    }
}
