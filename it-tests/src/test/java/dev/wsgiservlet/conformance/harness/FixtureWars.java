package dev.wsgiservlet.conformance.harness;

import java.nio.file.Path;

/** Where the build put the WARs under test (failsafe passes their paths as system properties). */
public final class FixtureWars {

    private FixtureWars() {
    }

    /** The exploded {@code conformance} WAR. */
    public static Path conformance() {
        return Path.of(System.getProperty("conformance.war.dir", "target/conformance"));
    }

    /** The {@code conformance.war} file. */
    public static Path conformanceWar() {
        return Path.of(System.getProperty("conformance.war", "target/conformance.war"));
    }

    /** The {@code conformance-star.war} file. */
    public static Path starWar() {
        return Path.of(System.getProperty("conformance.star.war", "target/conformance-star.war"));
    }

    /** The sample WAR file ({@code war-sample.war}), deployed unchanged as a user would. */
    public static Path sample() {
        String war = System.getProperty("sample.war");
        if (war == null) {
            throw new IllegalStateException("failsafe passes the sample WAR's path as the system property sample.war");
        }
        return Path.of(war);
    }

    /** The exploded {@code conformance-star} WAR. */
    public static Path star() {
        return Path.of(System.getProperty("conformance.star.war.dir", "target/conformance-star"));
    }
}
