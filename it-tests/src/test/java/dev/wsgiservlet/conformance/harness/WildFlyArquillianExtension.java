package dev.wsgiservlet.conformance.harness;

import org.jboss.arquillian.config.spi.ConfigurationPlaceholderResolver;
import org.jboss.arquillian.core.spi.LoadableExtension;

/** Registers {@link WildFlyRunPlaceholders} and {@link DeploymentsBegin} with Arquillian (listed in META-INF/services). */
public final class WildFlyArquillianExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(ConfigurationPlaceholderResolver.class, WildFlyRunPlaceholders.class);
        builder.observer(DeploymentsBegin.class);
    }
}
