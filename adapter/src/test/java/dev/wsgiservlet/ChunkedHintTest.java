package dev.wsgiservlet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChunkedHintTest {

    @Test
    void jettyNeedsIt() {
        assertTrue(ChunkedHint.neededBy("jetty/12.0.38"));
        assertTrue(ChunkedHint.neededBy("Jetty/12.1.0"));
    }

    @Test
    void tomcatAndUnknownContainersDoNot() {
        assertFalse(ChunkedHint.neededBy("Apache Tomcat/10.1.59"));
        assertFalse(ChunkedHint.neededBy("jetty"));
        assertFalse(ChunkedHint.neededBy(""));
        assertFalse(ChunkedHint.neededBy(null));
    }
}
