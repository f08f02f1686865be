package dev.wsgiservlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsgiservlet.spi.InvalidParameterException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsTest {

    private static Settings read(String... namesAndValues) throws InvalidParameterException {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return Settings.read(parameters::get, parameters.keySet());
    }

    @Test
    void defaults() throws InvalidParameterException {
        Settings s = read();
        assertNull(s.application);
        assertFalse(s.lint);
        assertFalse(s.debug);
        assertFalse(s.multiprocess);
        assertFalse(s.allowUnderscoreHeaders);
        assertTrue(s.environ.isEmpty());
    }

    @Test
    void applicationIsTrimmed() throws InvalidParameterException {
        assertEquals("com.example.App", read("application", "  com.example.App\n ").application);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lint", "debug", "multiprocess"})
    void flagsAcceptTrueAndFalseInAnyCaseTrimmed(String name) throws InvalidParameterException {
        for (String yes : new String[] {"true", "TRUE", "True", " true ", "\ttRuE\n"}) {
            assertTrue(flag(read(name, yes), name), name + "=" + yes);
        }
        for (String no : new String[] {"false", "FALSE", " False "}) {
            assertFalse(flag(read(name, no), name), name + "=" + no);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lint", "debug", "multiprocess"})
    void flagsRejectOtherValuesNamingParameterAndValue(String name) {
        for (String bad : new String[] {"yes", "1", "on", "", "truee"}) {
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> read(name, bad));
            assertEquals(name, e.parameter());
            assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void debugLevelZeroInheritedFromTomcatsDefaultServletIsFalse() throws InvalidParameterException {
        assertFalse(read("debug", "0").debug);
        assertFalse(read("debug", " 0 ").debug);
        for (String level : new String[] {"1", "2", "00", "-1"}) {
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> read("debug", level));
            assertEquals("debug", e.parameter());
        }
        assertThrows(InvalidParameterException.class, () -> read("lint", "0"), "only debug has Tomcat's level");
    }

    @Test
    void flagsAreIndependent() throws InvalidParameterException {
        Settings s = read("lint", "true", "debug", "false", "multiprocess", "true");
        assertTrue(s.lint);
        assertFalse(s.debug);
        assertTrue(s.multiprocess);
    }

    @Test
    void headerUnderscoresDropOrAllow() throws InvalidParameterException {
        assertFalse(read("header.underscores", "drop").allowUnderscoreHeaders);
        assertFalse(read("header.underscores", " DROP ").allowUnderscoreHeaders);
        assertTrue(read("header.underscores", "allow").allowUnderscoreHeaders);
        assertTrue(read("header.underscores", "Allow ").allowUnderscoreHeaders);
    }

    @Test
    void headerUnderscoresRejectsOtherValues() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> read("header.underscores", "keep"));
        assertEquals("header.underscores", e.parameter());
        assertTrue(e.getMessage().contains("header.underscores") && e.getMessage().contains("keep"), e.getMessage());
    }

    @Test
    void environEntriesAreCollectedWithoutThePrefix() throws InvalidParameterException {
        Settings s = read("environ.DEPLOYMENT", "prod", "environ.myapp.region", "eu",
                "application", "x.App", "environ.", "ignored", "environment.X", "ignored", "ENVIRON.Y", "ignored");
        assertEquals(Map.of("DEPLOYMENT", "prod", "myapp.region", "eu"), s.environ);
    }

    private static boolean flag(Settings s, String name) {
        switch (name) {
            case "lint":
                return s.lint;
            case "debug":
                return s.debug;
            default:
                return s.multiprocess;
        }
    }
}
