package dev.wsgiservlet.launcher;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.catalina.LifecycleException;

/**
 * Serves a WAR on embedded Tomcat 10.1:
 * {@code java -jar wsgi-servlet-launcher.jar [--port N] [--host H] [--context /path] [WAR]}.
 * Runs until Ctrl-C.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(LauncherOptions.USAGE);
            return;
        }
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(LauncherOptions.USAGE);
            System.exit(2);
            return;
        }
        WarServer server = start(options.war(), options.contextPath(), options.host(), options.port());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "wsgi-servlet-launcher-shutdown"));
        System.out.println("Serving " + options.war() + " at " + server.url());
        server.await();
    }

    /**
     * Deploys {@code war} on a new embedded Tomcat; see {@link WarServer#start}.
     *
     * @param port 0 picks a free port
     */
    public static WarServer start(Path war, String contextPath, String host, int port)
            throws IOException, LifecycleException {
        return WarServer.start(war, contextPath, host, port);
    }
}
