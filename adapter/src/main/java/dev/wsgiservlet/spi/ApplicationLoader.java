package dev.wsgiservlet.spi;

import dev.wsgiservlet.WsgiApplication;

/**
 * Turns the value of the {@code application} init-param into a {@link WsgiApplication}.
 *
 * <p>Loaders are found with {@link java.util.ServiceLoader} on the web application's class loader.
 * A value of the form {@code scheme:rest} goes to the loader whose {@link #scheme()} is
 * {@code scheme}; a value with no scheme (a Java class name, {@code Class#field} or
 * {@code Class#method()}) goes to the loader whose scheme is the empty string. This is how an
 * optional module adds a form, such as {@code python:mysite.wsgi:application}, without the core
 * knowing about it.
 *
 * <p>If the application returned implements {@link AutoCloseable}, the servlet closes it when it
 * is destroyed (on undeploy).
 */
public interface ApplicationLoader {

    /** The scheme this loader handles, without the colon, for example {@code "python"}; {@code ""} for plain Java names. */
    String scheme();

    /**
     * Loads the application.
     *
     * @param spec the value after {@code scheme:} (the whole value for the empty scheme)
     * @param deployment the deployment's parameters, context and class loader
     * @throws InvalidParameterException when the value is malformed or names nothing loadable
     */
    WsgiApplication load(String spec, Deployment deployment) throws Exception;
}
