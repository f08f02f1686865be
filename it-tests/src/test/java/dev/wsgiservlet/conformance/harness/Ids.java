package dev.wsgiservlet.conformance.harness;

import java.util.UUID;

/** Unique ids that key a test's state in the fixtures' registry and mark its lines in the log. */
public final class Ids {

    private Ids() {
    }

    /** A new id starting with {@code what}. */
    public static String next(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
