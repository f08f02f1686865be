package dev.wsgiservlet;

import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Closes the client connection under a response that failed after its headers were sent, where
 * throwing from {@code service()} is not enough.
 *
 * <p>Tomcat and Jetty abort the connection when {@code service()} throws after the response was
 * committed. Undertow (WildFly) logs the exception and then completes the response: it writes the
 * last chunk, and the broken body looks complete to the client. The Servlet API has no way to
 * abort a response, so on Undertow the connection is closed through the response's exchange
 * ({@code getExchange().getConnection()}), found by reflection: the core jar depends on nothing
 * but the servlet API.
 */
final class ConnectionAbort {

    private static final Logger LOG = Logger.getLogger(WsgiServlet.class.getName());

    private ConnectionAbort() {
    }

    /**
     * Sends what the response has buffered, then closes its connection, if the container exposes
     * it (Undertow).
     *
     * @return whether a connection was closed; false on containers that abort by themselves
     */
    static boolean closeConnection(ServletResponse response) {
        Closeable connection = connection(response);
        if (connection == null) {
            return false;
        }
        try {
            // What the application produced before failing reaches the client; the end does not.
            response.flushBuffer();
        } catch (IOException e) {
            LOG.log(Level.FINE, "flushing before closing the connection failed", e);
        }
        try {
            connection.close();
            return true;
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing the connection of an aborted response failed", e);
            return false;
        }
    }

    /** The connection behind the response or one it wraps, or null where none is exposed. */
    static Closeable connection(ServletResponse response) {
        for (ServletResponse current = response; current != null; ) {
            Object exchange = call(current, "getExchange");
            if (exchange != null && call(exchange, "getConnection") instanceof Closeable connection) {
                return connection;
            }
            current = current instanceof ServletResponseWrapper wrapper ? wrapper.getResponse() : null;
        }
        return null;
    }

    /** The result of a public no-argument method, or null if there is none or it fails. */
    private static Object call(Object target, String name) {
        try {
            Method method = target.getClass().getMethod(name);
            return method.getParameterCount() == 0 ? method.invoke(target) : null;
        } catch (NoSuchMethodException e) {
            return null;
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            LOG.log(Level.FINE, "cannot call " + name + "() on " + target.getClass().getName(), e);
            return null;
        }
    }
}
