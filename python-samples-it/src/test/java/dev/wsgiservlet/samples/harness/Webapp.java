package dev.wsgiservlet.samples.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One exploded WAR to deploy: its context path, its folder, an optional replacement for its
 * {@code WEB-INF/web.xml}, and context-params added to the ones its web.xml declares.
 */
public record Webapp(String contextPath, Path docBase, Path descriptor, Map<String, String> contextParameters) {

    public Webapp {
        if (!Files.isRegularFile(docBase.resolve("WEB-INF/web.xml"))) {
            throw new IllegalStateException("no exploded WAR at " + docBase + "; build it through 'package' first");
        }
        contextParameters = Map.copyOf(contextParameters);
    }

    /** The WAR at {@code docBase}, deployed through its own web.xml at {@code contextPath}. */
    public static Webapp of(String contextPath, Path docBase) {
        return new Webapp(contextPath, docBase, null, Map.of());
    }

    /** This WAR deployed through {@code webXml} instead of its own web.xml. */
    public Webapp withDescriptor(Path webXml) {
        return new Webapp(contextPath, docBase, webXml, contextParameters);
    }

    /**
     * This WAR with one more context parameter, set as a Tomcat context file's
     * {@code <Parameter override="false"/>} would: it wins over a web.xml context-param of the
     * same name, and a servlet init-param wins over it.
     */
    public Webapp withContextParameter(String name, String value) {
        Map<String, String> parameters = new LinkedHashMap<>(contextParameters);
        parameters.put(name, value);
        return new Webapp(contextPath, docBase, descriptor, parameters);
    }
}
