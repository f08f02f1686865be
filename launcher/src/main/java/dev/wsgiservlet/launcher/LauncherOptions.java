package dev.wsgiservlet.launcher;

import java.nio.file.Path;

/**
 * The launcher's command line: {@code [--port N] [--host H] [--context /path] [WAR]}.
 *
 * @param port the TCP port; 0 picks a free one
 * @param host the address to listen on
 * @param contextPath where the WAR is served, {@code ""} for the root
 * @param war the WAR file
 */
public record LauncherOptions(int port, String host, String contextPath, Path war) {

    public static final int DEFAULT_PORT = 8080;
    /** Only this machine can connect unless the user opens it up with {@code --host 0.0.0.0}. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final Path DEFAULT_WAR = Path.of("war-sample", "target", "war-sample.war");

    public static final String USAGE = """
            Usage: java -jar wsgi-servlet-launcher.jar [--port N] [--host H] [--context /path] [WAR]
              --port N          TCP port (default 8080; 0 picks a free one)
              --host H          address to listen on (default 127.0.0.1; 0.0.0.0 for all)
              --context /path   context path (default /, the root)
              WAR               the web application (default war-sample/target/war-sample.war)
            """;

    /** A context path as Tomcat wants it: {@code ""} for the root, else {@code /name} with no trailing slash. */
    public static String normalizeContextPath(String path) {
        String trimmed = path.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (!trimmed.isEmpty() && !trimmed.startsWith("/")) {
            trimmed = "/" + trimmed;
        }
        return trimmed;
    }

    /**
     * Parses the arguments.
     *
     * @throws IllegalArgumentException with a message for the user when they make no sense
     */
    public static LauncherOptions parse(String... args) {
        int port = DEFAULT_PORT;
        String host = DEFAULT_HOST;
        String context = "";
        Path war = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port" -> port = parsePort(value(args, ++i, arg));
                case "--host" -> host = value(args, ++i, arg);
                case "--context" -> context = normalizeContextPath(value(args, ++i, arg));
                default -> {
                    if (arg.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    if (war != null) {
                        throw new IllegalArgumentException("one WAR only, not also " + arg);
                    }
                    war = Path.of(arg);
                }
            }
        }
        return new LauncherOptions(port, host, context, war == null ? DEFAULT_WAR : war);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--port takes a number from 0 to 65535, not " + value);
    }
}
