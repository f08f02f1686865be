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
    void undertowAndWildFlyNeedIt() {
        assertTrue(ChunkedHint.neededBy("Undertow - 2.3.23.Final"));
        assertTrue(ChunkedHint.neededBy("WildFly 39.0.1.Final (WildFly Core 31.0.3.Final) - 2.3.23.Final"));
        assertTrue(ChunkedHint.neededBy("WildFly Full 33.0.0.Final (WildFly Core 25.0.0.Final) - 2.3.15.Final"));
    }

    @Test
    void tomcatAndUnknownContainersDoNot() {
        assertFalse(ChunkedHint.neededBy("Apache Tomcat/10.1.59"));
        assertFalse(ChunkedHint.neededBy("jetty"));
        assertFalse(ChunkedHint.neededBy("WildFlyish/1.0"));
        assertFalse(ChunkedHint.neededBy(""));
        assertFalse(ChunkedHint.neededBy(null));
    }
}
