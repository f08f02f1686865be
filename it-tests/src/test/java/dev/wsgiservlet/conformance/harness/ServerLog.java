package dev.wsgiservlet.conformance.harness;

/** The container's log as text, for assertions on what the server logged. */
public interface ServerLog {

    /** Everything logged so far. */
    String text();

    /** What was logged while the server started and deployed the fixture WARs. */
    String startupText();
}
