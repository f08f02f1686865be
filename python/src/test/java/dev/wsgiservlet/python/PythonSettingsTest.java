package dev.wsgiservlet.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsgiservlet.spi.InvalidParameterException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonSettingsTest {

    @TempDir
    Path webapp;
    private Path python;

    @BeforeEach
    void unpack() throws IOException {
        python = Files.createDirectories(webapp.resolve("WEB-INF/python"));
    }

    private StubDeployment deployment() {
        return new StubDeployment(webapp);
    }

    private InvalidParameterException invalid(StubDeployment deployment) {
        return assertThrows(InvalidParameterException.class, () -> PythonSettings.read(deployment));
    }

    @Test
    void defaults() throws InvalidParameterException {
        PythonSettings s = PythonSettings.read(deployment());
        assertEquals(List.of(python.toString()), s.path);
        assertEquals(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), s.contexts);
        assertEquals(Duration.ofSeconds(20), s.acquireTimeout);
        assertEquals(5, s.retryAfterSeconds);
        assertEquals(Duration.ofMinutes(5), s.startupTimeout);
    }

    @Test
    void pathEntriesAreInsideTheWarOrAbsoluteSeparatedByColonOrComma() throws IOException, InvalidParameterException {
        Path lib = Files.createDirectories(webapp.resolve("WEB-INF/lib/site"));
        Path outside = Files.createTempDirectory(webapp, "outside");
        Path archive = Files.write(webapp.resolve("deps.zip"), new byte[] {0});
        PythonSettings s = PythonSettings.read(deployment().with("python.path",
                " /WEB-INF/python : /WEB-INF/lib/site," + outside + ",:" + archive + " "));
        assertEquals(List.of(python.toString(), lib.toString(), outside.toString(), archive.toString()), s.path);
    }

    @Test
    void aMissingEntryNamesTheParameter() {
        InvalidParameterException e = invalid(deployment().with("python.path", "/WEB-INF/python:/WEB-INF/nowhere"));
        assertEquals("python.path", e.parameter());
        assertTrue(e.getMessage().contains("/WEB-INF/nowhere does not exist"), e.getMessage());
    }

    @Test
    void aMissingDefaultSaysItIsTheDefault() throws IOException {
        Files.delete(python);
        InvalidParameterException e = invalid(deployment());
        assertEquals("python.path", e.parameter());
        assertTrue(e.getMessage().contains("/WEB-INF/python does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("(the default; set python.path"), e.getMessage());
    }

    @Test
    void relativeAndEmptyPathsAreRejected() {
        assertTrue(invalid(deployment().with("python.path", "python"))
                .getMessage().contains("python is neither /WEB-INF/... nor an absolute path"));
        assertTrue(invalid(deployment().with("python.path", " : , ")).getMessage().contains("no entries"));
    }

    @Test
    void aPackedWarHasNoRealPathForWebInf() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> PythonSettings.read(new StubDeployment(null)));
        assertEquals("python.path", e.parameter());
        assertTrue(e.getMessage().contains("the WAR is not unpacked"), e.getMessage());
    }

    @Test
    void contextsAndRetryAfter() throws InvalidParameterException {
        PythonSettings s = PythonSettings.read(deployment().with("python.contexts", " 8 ").with("python.retry-after", "0"));
        assertEquals(8, s.contexts);
        assertEquals(0, s.retryAfterSeconds);
    }

    @ParameterizedTest
    @CsvSource({"python.contexts, 0", "python.contexts, -1", "python.contexts, 257", "python.contexts, two",
        "python.contexts, ''", "python.retry-after, -5", "python.retry-after, 1.5"})
    void badNumbersNameTheParameter(String name, String value) {
        InvalidParameterException e = invalid(deployment().with(name, value));
        assertEquals(name, e.parameter());
        assertTrue(e.getMessage().startsWith("init-param '" + name + "' = '" + value + "': expected a whole number"),
                e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"20, PT20S", "20s, PT20S", "500ms, PT0.5S", "2m, PT2M", " 3 S , PT3S", "0, PT0S"})
    void durations(String value, String expected) throws InvalidParameterException {
        assertEquals(Duration.parse(expected),
                PythonSettings.read(deployment().with("python.acquire-timeout", value)).acquireTimeout);
    }

    @ParameterizedTest
    @CsvSource({"python.acquire-timeout, soon", "python.acquire-timeout, -1s", "python.acquire-timeout, 1h",
        "python.startup-timeout, 1.5s", "python.startup-timeout, 0"})
    void badDurationsNameTheParameter(String name, String value) {
        InvalidParameterException e = invalid(deployment().with(name, value));
        assertEquals(name, e.parameter());
        assertTrue(e.getMessage().startsWith("init-param '" + name + "' = '" + value + "'"), e.getMessage());
    }
}
