package dev.wsgiservlet.conformance.harness;

import java.nio.file.Path;

/** Where the build put the exploded fixture WARs (failsafe passes the folders as system properties). */
public final class FixtureWars {

    private FixtureWars() {
    }

    /** The exploded {@code conformance} WAR. */
    public static Path conformance() {
        return Path.of(System.getProperty("conformance.war.dir", "target/conformance"));
    }

    /** The exploded {@code conformance-star} WAR. */
    public static Path star() {
        return Path.of(System.getProperty("conformance.star.war.dir", "target/conformance-star"));
    }
}
