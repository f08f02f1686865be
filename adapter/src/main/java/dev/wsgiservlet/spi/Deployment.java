package dev.wsgiservlet.spi;

import jakarta.servlet.ServletContext;

/** What an {@link ApplicationLoader} may know of the deployment it loads into. */
public interface Deployment {

    /**
     * A configuration parameter: the servlet's {@code init-param} if set, else the web
     * application's {@code context-param}, else {@code null}.
     */
    String parameter(String name);

    /** The web application. */
    ServletContext servletContext();

    /** The web application's class loader. */
    ClassLoader classLoader();

    /** Writes to the container log. */
    void log(String message);
}
