package dev.wsgiservlet.conformance.harness;

import org.jboss.arquillian.config.descriptor.api.ArquillianDescriptor;
import org.jboss.arquillian.config.spi.ConfigurationPlaceholderResolver;
import org.jboss.shrinkwrap.descriptor.api.Descriptors;

/**
 * Fills in the run-time values of {@code arquillian.xml} when Arquillian loads it:
 * {@code ${wildfly.run.port-offset}}, {@code ${wildfly.run.management-port}} and
 * {@code ${wildfly.run.dir}} (see {@link WildFlyRun}). Static XML cannot know a free port.
 */
public final class WildFlyRunPlaceholders implements ConfigurationPlaceholderResolver {

    static final String PORT_OFFSET = "${wildfly.run.port-offset}";
    static final String MANAGEMENT_PORT = "${wildfly.run.management-port}";
    static final String RUN_DIR = "${wildfly.run.dir}";

    @Override
    public ArquillianDescriptor resolve(ArquillianDescriptor descriptor) {
        String xml = descriptor.exportAsString();
        if (!xml.contains(PORT_OFFSET) && !xml.contains(MANAGEMENT_PORT) && !xml.contains(RUN_DIR)) {
            return descriptor;
        }
        WildFlyRun run = WildFlyRun.prepare();
        String resolved = xml.replace(PORT_OFFSET, Integer.toString(run.portOffset()))
                .replace(MANAGEMENT_PORT, Integer.toString(run.managementPort()))
                .replace(RUN_DIR, run.directory().toString());
        return Descriptors.importAs(ArquillianDescriptor.class).fromString(resolved);
    }

    /** Before Arquillian's own system-property resolver (precedence 0). */
    @Override
    public int precedence() {
        return 10;
    }
}
