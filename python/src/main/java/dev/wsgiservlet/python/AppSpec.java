package dev.wsgiservlet.python;

import dev.wsgiservlet.spi.InvalidParameterException;

/**
 * What {@code application = python:MODULE[:CALLABLE]} names: a module to import and the
 * attribute (dotted for nested ones) that holds the WSGI callable; gunicorn's form.
 */
record AppSpec(String module, String callable) {

    static final String PARAMETER = "application";
    static final String SCHEME = "python:";
    static final String DEFAULT_CALLABLE = "application";

    /** Parses the part after {@code python:}. */
    static AppSpec parse(String spec) throws InvalidParameterException {
        String value = spec == null ? "" : spec.trim();
        int colon = value.indexOf(':');
        String module = colon < 0 ? value : value.substring(0, colon);
        String callable = colon < 0 ? DEFAULT_CALLABLE : value.substring(colon + 1);
        if (!isDottedName(module)) {
            throw invalid(spec, module.isEmpty() ? "no module named" : "'" + module + "' is not a Python module name");
        }
        if (!isDottedName(callable)) {
            throw invalid(spec, callable.isEmpty() ? "no callable named after ':'"
                    : "'" + callable + "' is not a Python attribute name");
        }
        return new AppSpec(module, callable);
    }

    @Override
    public String toString() {
        return module + ":" + callable;
    }

    private static boolean isDottedName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (String part : name.split("\\.", -1)) {
            if (!isIdentifier(part)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIdentifier(String part) {
        if (part.isEmpty() || !(Character.isLetter(part.codePointAt(0)) || part.charAt(0) == '_')) {
            return false;
        }
        return part.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
    }

    private static InvalidParameterException invalid(String spec, String problem) {
        return new InvalidParameterException(PARAMETER, SCHEME + spec, problem
                + "; expected python:MODULE or python:MODULE:CALLABLE, for example python:mysite.wsgi:application");
    }
}
