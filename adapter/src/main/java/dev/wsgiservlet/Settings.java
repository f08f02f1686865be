package dev.wsgiservlet;

import dev.wsgiservlet.spi.InvalidParameterException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The servlet's configuration, read and checked once at start-up. Each parameter is the servlet's
 * {@code init-param}, else the web application's {@code context-param}.
 */
final class Settings {

    static final String APPLICATION = "application";
    static final String LINT = "lint";
    static final String DEBUG = "debug";
    static final String MULTIPROCESS = "multiprocess";
    static final String HEADER_UNDERSCORES = "header.underscores";
    static final String ENVIRON_PREFIX = "environ.";

    final String application;
    final boolean lint;
    final boolean debug;
    final boolean multiprocess;
    final boolean allowUnderscoreHeaders;
    final Map<String, String> environ;

    private Settings(String application, boolean lint, boolean debug, boolean multiprocess,
            boolean allowUnderscoreHeaders, Map<String, String> environ) {
        this.application = application;
        this.lint = lint;
        this.debug = debug;
        this.multiprocess = multiprocess;
        this.allowUnderscoreHeaders = allowUnderscoreHeaders;
        this.environ = environ;
    }

    /**
     * @param parameter looks a parameter up (init-param, then context-param)
     * @param parameterNames every context-param and init-param name (for the environ.NAME entries)
     */
    static Settings read(Function<String, String> parameter, Iterable<String> parameterNames)
            throws InvalidParameterException {
        Map<String, String> environ = new LinkedHashMap<>();
        for (String name : parameterNames) {
            if (name.startsWith(ENVIRON_PREFIX) && name.length() > ENVIRON_PREFIX.length()) {
                environ.put(name.substring(ENVIRON_PREFIX.length()), parameter.apply(name));
            }
        }
        String application = parameter.apply(APPLICATION);
        return new Settings(application == null ? null : application.trim(),
                flag(parameter, LINT), debug(parameter), flag(parameter, MULTIPROCESS),
                underscores(parameter), environ);
    }

    private static boolean flag(Function<String, String> parameter, String name) throws InvalidParameterException {
        String value = parameter.apply(name);
        if (value == null) {
            return false;
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new InvalidParameterException(name, value, "expected true or false");
        }
    }

    /**
     * Tomcat's {@code conf/web.xml} gives its servlet named {@code default} the init-param
     * {@code debug=0} (a debug level), and a web.xml servlet of the same name inherits it. Level 0
     * is read as false; any other level is refused, so that raising Tomcat's debug level never
     * shows tracebacks to clients.
     */
    private static boolean debug(Function<String, String> parameter) throws InvalidParameterException {
        String value = parameter.apply(DEBUG);
        if (value != null && value.trim().equals("0")) {
            return false;
        }
        return flag(parameter, DEBUG);
    }

    private static boolean underscores(Function<String, String> parameter) throws InvalidParameterException {
        String value = parameter.apply(HEADER_UNDERSCORES);
        if (value == null) {
            return false;
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "drop":
                return false;
            case "allow":
                return true;
            default:
                throw new InvalidParameterException(HEADER_UNDERSCORES, value, "expected drop or allow");
        }
    }
}
