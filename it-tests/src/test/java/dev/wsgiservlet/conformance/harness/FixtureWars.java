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

    /** The {@code conformance} WAR file, which the war plugin writes beside the exploded one. */
    public static Path conformanceWar() {
        return warBeside(conformance());
    }

    /** The {@code conformance-star} WAR file, beside the exploded one. */
    public static Path starWar() {
        return warBeside(star());
    }

    private static Path warBeside(Path exploded) {
        Path war = exploded.resolveSibling(exploded.getFileName() + ".war");
        if (!war.toFile().isFile()) {
            throw new IllegalStateException("no WAR file at " + war.toAbsolutePath() + "; run the build through 'package' first");
        }
        return war;
    }
}
