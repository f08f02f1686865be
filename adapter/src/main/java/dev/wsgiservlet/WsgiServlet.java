package dev.wsgiservlet;

import dev.wsgiservlet.middleware.Lint;
import dev.wsgiservlet.spi.Deployment;
import dev.wsgiservlet.spi.InvalidParameterException;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.UnavailableException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Serves a {@link WsgiApplication} (PEP 3333) from a servlet container.
 *
 * <p>From web.xml, name the application with the {@code application} init-param:
 * <pre>{@code
 * <servlet>
 *   <servlet-name>app</servlet-name>
 *   <servlet-class>dev.wsgiservlet.WsgiServlet</servlet-class>
 *   <init-param><param-name>application</param-name><param-value>com.example.HelloApp</param-value></init-param>
 *   <load-on-startup>1</load-on-startup>
 * </servlet>
 * }</pre>
 * Embedded, pass it in: {@code new WsgiServlet(app)}.
 *
 * <p>Parameters (an {@code init-param} wins over a {@code context-param} of the same name):
 * {@code application}; {@code lint} (wrap in {@link Lint}); {@code debug} (stack traces in 500
 * bodies); {@code multiprocess} ({@code wsgi.multiprocess}); {@code header.underscores}
 * ({@code drop}, the default, or {@code allow} request headers whose names contain '_');
 * {@code environ.NAME} (a fixed environ entry). A bad value fails start-up with a message naming
 * the parameter. Every HTTP method reaches the application, HEAD included.
 */
public class WsgiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient WsgiApplication embedded;
    private transient WsgiApplication application;
    private transient Gateway gateway;

    /** For web.xml: the application comes from the {@code application} init-param. */
    public WsgiServlet() {
        this.embedded = null;
    }

    /** For embedded use: serves {@code application}; the other init-params still apply. */
    public WsgiServlet(WsgiApplication application) {
        if (application == null) {
            throw new IllegalArgumentException("application is null");
        }
        this.embedded = application;
    }

    @Override
    public void init() throws ServletException {
        ServletConfig config = getServletConfig();
        ServletContext context = getServletContext();
        Deployment deployment = new ServletDeployment(config);
        try {
            Settings settings = Settings.read(deployment::parameter, parameterNames(config));
            WsgiApplication app;
            if (embedded != null) {
                if (settings.application != null) {
                    throw new InvalidParameterException(Settings.APPLICATION, settings.application,
                            "this servlet was constructed with an application already; remove the parameter");
                }
                app = embedded;
            } else {
                app = ApplicationLoaders.load(settings.application, deployment);
            }
            this.application = app;
            WsgiApplication served = settings.lint ? new Lint(app) : app;
            this.gateway = new Gateway(served,
                    new EnvironBuilder(settings.environ, settings.multiprocess, settings.allowUnderscoreHeaders),
                    context, settings.debug);
            context.log("wsgi-servlet: servlet '" + config.getServletName() + "' serves "
                    + (settings.application != null ? settings.application : app.getClass().getName())
                    + (settings.lint ? " through Lint" : "") + (settings.debug ? " (debug: tracebacks in 500 responses)" : ""));
        } catch (InvalidParameterException e) {
            context.log("wsgi-servlet: servlet '" + config.getServletName() + "' cannot start: " + e.getMessage(), e);
            throw new UnavailableException(e.getMessage());
        } catch (Exception e) {
            String message = "servlet '" + config.getServletName() + "' cannot start: " + e;
            context.log("wsgi-servlet: " + message, e);
            throw new ServletException(message, e);
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        gateway.serve(request, response);
    }

    /** Closes the application when it is {@link AutoCloseable} (a Python runtime, for example). */
    @Override
    public void destroy() {
        WsgiApplication app = application;
        application = null;
        gateway = null;
        if (app instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                getServletContext().log("wsgi-servlet: closing the application failed", e);
            }
        }
    }

    private static Iterable<String> parameterNames(ServletConfig config) {
        Set<String> names = new LinkedHashSet<>(Collections.list(config.getServletContext().getInitParameterNames()));
        names.addAll(Collections.list(config.getInitParameterNames()));
        return names;
    }

    /** The deployment as loaders see it: init-params over context-params, the web app's class loader. */
    private static final class ServletDeployment implements Deployment {
        private final ServletConfig config;

        ServletDeployment(ServletConfig config) {
            this.config = config;
        }

        @Override
        public String parameter(String name) {
            String value = config.getInitParameter(name);
            return value != null ? value : config.getServletContext().getInitParameter(name);
        }

        @Override
        public ServletContext servletContext() {
            return config.getServletContext();
        }

        @Override
        public ClassLoader classLoader() {
            ClassLoader loader = config.getServletContext().getClassLoader();
            return loader != null ? loader : WsgiServlet.class.getClassLoader();
        }

        @Override
        public void log(String message) {
            config.getServletContext().log(message);
        }
    }
}
