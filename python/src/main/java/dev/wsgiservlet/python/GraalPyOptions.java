package dev.wsgiservlet.python;

import dev.wsgiservlet.spi.Deployment;
import dev.wsgiservlet.spi.InvalidParameterException;
import java.util.Map;
import java.util.TreeMap;
import org.graalvm.options.OptionDescriptor;
import org.graalvm.polyglot.Engine;

/**
 * GraalPy's own options, set as parameters under their own names: {@code python.IsolateNativeModules},
 * {@code python.PosixModuleBackend} and the rest of GraalPy's {@code python.*} options (which start
 * with a capital letter, unlike this module's parameters). Each value is checked at start-up.
 */
final class GraalPyOptions {

    /** Set by this module from {@code python.path}; a parameter of that name would be ambiguous. */
    static final String PYTHON_PATH = "python.PythonPath";
    /** Where GraalPy writes .pyc files; this module's default is under the web application's temp dir. */
    static final String PYCACHE_PREFIX = "python.PyCachePrefix";

    private GraalPyOptions() {
    }

    static Map<String, String> read(Deployment deployment, Engine engine) throws InvalidParameterException {
        Map<String, String> options = new TreeMap<>();
        for (OptionDescriptor descriptor : engine.getLanguages().get("python").getOptions()) {
            String name = descriptor.getName();
            String value = deployment.parameter(name);
            if (value == null) {
                continue;
            }
            if (name.equals(PYTHON_PATH)) {
                throw new InvalidParameterException(name, value, "set " + PythonSettings.PATH + " instead");
            }
            String trimmed = value.trim();
            try {
                descriptor.getKey().getType().convert(trimmed);
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException(name, value, "GraalPy does not accept it: " + e.getMessage(), e);
            }
            options.put(name, trimmed);
        }
        return options;
    }
}
