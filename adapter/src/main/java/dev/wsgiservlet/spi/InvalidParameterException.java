package dev.wsgiservlet.spi;

/**
 * A deployment parameter with a value that cannot work. The message names the parameter and the
 * value, so that the container log says what to fix at start-up.
 */
public class InvalidParameterException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    /**
     * @param parameter the parameter's name, for example {@code application}
     * @param value the value given
     * @param problem what is wrong with it
     */
    public InvalidParameterException(String parameter, String value, String problem) {
        this(parameter, value, problem, null);
    }

    /** As {@link #InvalidParameterException(String, String, String)}, with the underlying cause. */
    public InvalidParameterException(String parameter, String value, String problem, Throwable cause) {
        super("init-param '" + parameter + "' = '" + value + "': " + problem, cause);
        this.parameter = parameter;
    }

    /** The parameter's name. */
    public String parameter() {
        return parameter;
    }
}
