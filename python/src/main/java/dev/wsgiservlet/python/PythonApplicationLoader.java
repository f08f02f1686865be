package dev.wsgiservlet.python;

import dev.wsgiservlet.WsgiApplication;
import dev.wsgiservlet.spi.ApplicationLoader;
import dev.wsgiservlet.spi.Deployment;

/**
 * The {@code python:} form of the {@code application} parameter:
 * {@code python:mysite.wsgi:application}, or {@code python:mysite.wsgi} for
 * {@code mysite.wsgi:application} (gunicorn's form). Registered as a service, so adding this jar
 * is all it takes. The {@code python.*} parameters are described in docs/python.md.
 */
public final class PythonApplicationLoader implements ApplicationLoader {

    @Override
    public String scheme() {
        return "python";
    }

    /** Starts a {@link PythonApplication}; its first context imports the application before this returns. */
    @Override
    public WsgiApplication load(String spec, Deployment deployment) throws Exception {
        AppSpec app = AppSpec.parse(spec);
        PythonSettings settings = PythonSettings.read(deployment);
        return PythonApplication.start(app, settings, deployment);
    }
}
