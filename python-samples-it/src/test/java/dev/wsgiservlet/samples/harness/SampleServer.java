package dev.wsgiservlet.samples.harness;

import java.net.URI;
import java.nio.file.Files;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.ApplicationParameter;

/**
 * Embedded Tomcat 10.1 on 127.0.0.1 and a free port, serving one exploded WAR deployed through
 * its web.xml as a standalone Tomcat would. {@link #start} returns once the WAR has deployed,
 * that is once its {@code load-on-startup} servlet has imported the Python application.
 */
public final class SampleServer implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final Tomcat tomcat;
    private final ServerOutput output;
    private final String contextPath;
    private final int port;
    private final long startupMillis;
    private boolean closed;

    private SampleServer(Tomcat tomcat, ServerOutput output, String contextPath, int port, long startupMillis) {
        this.tomcat = tomcat;
        this.output = output;
        this.contextPath = contextPath;
        this.port = port;
        this.startupMillis = startupMillis;
    }

    /** Starts Tomcat with {@code webapp}; fails if the WAR does not deploy. */
    public static SampleServer start(Webapp webapp) throws Exception {
        ServerOutput output = ServerOutput.install();
        Tomcat tomcat = new Tomcat();
        try {
            tomcat.setBaseDir(Files.createTempDirectory("python-samples-tomcat").toString());
            Connector connector = new Connector();
            connector.setPort(0);
            connector.setProperty("address", HOST);
            tomcat.setConnector(connector);
            tomcat.setAddDefaultWebXmlToWebapp(false);
            Context context = tomcat.addWebapp(webapp.contextPath(), webapp.docBase().toString());
            context.addLifecycleListener(new ContainerDefaults());
            if (webapp.descriptor() != null) {
                ((StandardContext) context).setAltDDName(webapp.descriptor().toString());
            }
            for (Map.Entry<String, String> parameter : webapp.contextParameters().entrySet()) {
                // As <Parameter override="false"/> in a Tomcat context file: wins over web.xml's context-param.
                ApplicationParameter applicationParameter = new ApplicationParameter();
                applicationParameter.setName(parameter.getKey());
                applicationParameter.setValue(parameter.getValue());
                applicationParameter.setOverride(false);
                context.addApplicationParameter(applicationParameter);
            }
            long started = System.nanoTime();
            tomcat.start();
            long startupMillis = (System.nanoTime() - started) / 1_000_000;
            if (context.getState() != LifecycleState.STARTED) {
                throw new IllegalStateException(webapp.docBase() + " did not deploy (" + context.getState() + "):\n" + output.text());
            }
            return new SampleServer(tomcat, output, webapp.contextPath(), connector.getLocalPort(), startupMillis);
        } catch (Exception | Error e) {
            try {
                stop(tomcat);
            } catch (LifecycleException | RuntimeException stopFailure) {
                e.addSuppressed(stopFailure);
            }
            output.uninstall();
            throw e;
        }
    }

    /** The URI of {@code pathAndQuery} in the web application, for example {@code /hello/world}. */
    public URI uri(String pathAndQuery) {
        return URI.create("http://" + HOST + ":" + port + contextPath + pathAndQuery);
    }

    /** The context path the WAR is deployed at. */
    public String contextPath() {
        return contextPath;
    }

    /** What the server has logged and printed since it started. */
    public ServerOutput output() {
        return output;
    }

    /** How long Tomcat took to start and deploy the WAR. */
    public long startupMillis() {
        return startupMillis;
    }

    @Override
    public synchronized void close() throws LifecycleException {
        if (!closed) {
            closed = true;
            try {
                stop(tomcat);
            } finally {
                output.uninstall();
            }
        }
    }

    private static void stop(Tomcat tomcat) throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }
}
