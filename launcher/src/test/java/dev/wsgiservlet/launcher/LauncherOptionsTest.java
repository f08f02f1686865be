package dev.wsgiservlet.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LauncherOptionsTest {

    @Test
    void defaultsToTheSampleWarAtTheRootOnLocalhost8080() {
        assertEquals(new LauncherOptions(8080, "127.0.0.1", "", Path.of("war-sample/target/war-sample.war")),
                LauncherOptions.parse());
    }

    @Test
    void readsEveryOption() {
        assertEquals(new LauncherOptions(0, "0.0.0.0", "/shop", Path.of("my.war")),
                LauncherOptions.parse("--port", "0", "my.war", "--host", "0.0.0.0", "--context", "shop/"));
    }

    @Test
    void normalizesContextPaths() {
        assertEquals("", LauncherOptions.normalizeContextPath("/"));
        assertEquals("", LauncherOptions.normalizeContextPath(""));
        assertEquals("/a/b", LauncherOptions.normalizeContextPath("/a/b//"));
        assertEquals("/a", LauncherOptions.normalizeContextPath("a"));
    }

    @Test
    void rejectsWhatMakesNoSense() {
        assertEquals("--port takes a number from 0 to 65535, not 70000",
                assertThrows(IllegalArgumentException.class, () -> LauncherOptions.parse("--port", "70000")).getMessage());
        assertEquals("--port needs a value",
                assertThrows(IllegalArgumentException.class, () -> LauncherOptions.parse("--port")).getMessage());
        assertEquals("--host needs a value",
                assertThrows(IllegalArgumentException.class, () -> LauncherOptions.parse("--host", "--port", "1")).getMessage());
        assertEquals("unknown option --verbose",
                assertThrows(IllegalArgumentException.class, () -> LauncherOptions.parse("--verbose")).getMessage());
        assertEquals("one WAR only, not also b.war",
                assertThrows(IllegalArgumentException.class, () -> LauncherOptions.parse("a.war", "b.war")).getMessage());
    }
}
