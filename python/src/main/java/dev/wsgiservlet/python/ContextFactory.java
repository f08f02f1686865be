package dev.wsgiservlet.python;

import dev.wsgiservlet.spi.InvalidParameterException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * Starts GraalPy contexts for one application on a shared {@link Engine}: each gets the gateway
 * module, the {@code python.path} entries on {@code sys.path}, and imports the application.
 */
final class ContextFactory {

    static final String GATEWAY_MODULE = "wsgiservlet_gateway";
    private static final String GATEWAY_SOURCE = readGatewaySource();

    private final Engine engine;
    private final AppSpec app;
    private final List<String> path;
    private final Map<String, String> options;
    private final ClassLoader classLoader;

    ContextFactory(Engine engine, AppSpec app, List<String> path, Map<String, String> options, ClassLoader classLoader) {
        this.engine = engine;
        this.app = app;
        this.path = List.copyOf(path);
        this.options = Map.copyOf(options);
        this.classLoader = classLoader;
    }

    /**
     * The engine the contexts share. GraalPy's own warning about running without a JIT is off:
     * {@link JitStatus} logs one line about it instead.
     */
    static Engine newEngine(Handler log) {
        return Engine.newBuilder("python")
                .option("engine.WarnInterpreterOnly", "false")
                .logHandler(log)
                .build();
    }

    /**
     * Starts one context and imports the application in it.
     *
     * @throws InvalidParameterException (naming {@code application}) when the import fails; its
     *     cause is the {@link PythonException} with the traceback
     */
    PythonContext create() throws InvalidParameterException {
        Context context = Context.newBuilder("python")
                .engine(engine)
                .allowAllAccess(true)
                .allowExperimentalOptions(true)
                .hostClassLoader(classLoader)
                .in(InputStream.nullInputStream())
                .options(options)
                .build();
        try {
            Value gateway = loadGateway(context);
            gateway.invokeMember("configure", (Object) path.toArray(new String[0]));
            Value application = gateway.invokeMember("load", app.module(), app.callable());
            return new PythonContext(context, gateway, application, app);
        } catch (PolyglotException e) {
            InvalidParameterException failure = importFailure(context, e);
            context.close(true);
            throw failure;
        } catch (RuntimeException | Error e) {
            context.close(true);
            throw e;
        }
    }

    /** Runs the gateway's source as a module of its own, so that it stays out of {@code __main__}. */
    private static Value loadGateway(Context context) {
        Value builtins = context.eval("python", "__import__('builtins')");
        Value module = builtins.invokeMember("__import__", "types").invokeMember("ModuleType", GATEWAY_MODULE);
        Value code = builtins.invokeMember("compile", GATEWAY_SOURCE, GATEWAY_MODULE + ".py", "exec");
        builtins.invokeMember("exec", code, module.getMember("__dict__"));
        builtins.invokeMember("__import__", "sys").getMember("modules").putHashEntry(GATEWAY_MODULE, module);
        return module;
    }

    private InvalidParameterException importFailure(Context context, PolyglotException e) {
        String value = AppSpec.SCHEME + app;
        if (e.isCancelled()) {
            return new InvalidParameterException(AppSpec.PARAMETER, value,
                    "starting Python was cancelled (the application is being stopped)", e);
        }
        if (!e.isGuestException() || e.isHostException()) {
            return new InvalidParameterException(AppSpec.PARAMETER, value, "starting Python failed: " + e, e);
        }
        PythonException python = describe(context, e);
        String what = python.pythonType().equals("LookupError") || python.pythonType().equals("TypeError")
                ? "" : "importing " + app.module() + " raised ";
        return new InvalidParameterException(AppSpec.PARAMETER, value,
                what + python.getMessage() + " (python.path: " + String.join(":", path) + ")", python);
    }

    private static PythonException describe(Context context, PolyglotException e) {
        try {
            Value gateway = context.eval("python", "__import__('sys').modules.get('" + GATEWAY_MODULE + "')");
            if (!gateway.isNull()) {
                return PythonContext.describe(gateway, e);
            }
        } catch (PolyglotException failed) {
            // the gateway itself did not load: say what Java knows
        }
        return new PythonException("?", e.getMessage(), e.getMessage() + "\n");
    }

    private static String readGatewaySource() {
        try (InputStream in = ContextFactory.class.getResourceAsStream(GATEWAY_MODULE + ".py")) {
            if (in == null) {
                throw new IllegalStateException(GATEWAY_MODULE + ".py is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
