package dev.wsgiservlet.python;

import dev.wsgiservlet.Header;
import dev.wsgiservlet.StartResponse;
import dev.wsgiservlet.WsgiApplication;
import dev.wsgiservlet.spi.Deployment;
import dev.wsgiservlet.spi.InvalidParameterException;
import jakarta.servlet.ServletContext;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.graalvm.polyglot.Engine;

/**
 * A Python WSGI callable served from a pool of GraalPy contexts, as an ordinary
 * {@link WsgiApplication}: Java middleware ({@code Lint}, {@code Dispatcher}) wraps it unchanged.
 *
 * <p>Each context runs one request at a time, from the call to the body's {@code close()}. A
 * request waits up to {@code python.acquire-timeout} for a free context and is otherwise answered
 * {@code 503 Service Unavailable} with {@code Retry-After}. {@link #close()} closes every context
 * and the engine they share; {@code WsgiServlet.destroy()} calls it on undeploy.
 *
 * <p>Made by {@link PythonApplicationLoader} for {@code application = python:MODULE[:CALLABLE]}.
 */
public final class PythonApplication implements WsgiApplication, AutoCloseable {

    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    private static final long BUSY_LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final AtomicInteger APPLICATIONS = new AtomicInteger();

    private final AppSpec app;
    private final PythonSettings settings;
    private final ContextPool<PythonContext> pool;
    private final ExecutorService starters;
    private final ThreadFactory threads;
    private final ServletContext log;
    private final AtomicLong lastBusyLog = new AtomicLong(System.nanoTime() - BUSY_LOG_INTERVAL_NANOS);
    private volatile Engine engine;
    private volatile ContextFactory factory;
    private volatile boolean closed;

    private PythonApplication(AppSpec app, PythonSettings settings, ServletContext log) {
        this.app = app;
        this.settings = settings;
        this.log = log;
        this.threads = ownThreads();
        this.starters = Executors.newFixedThreadPool(
                Math.max(1, Math.min(settings.contexts, Runtime.getRuntime().availableProcessors())), threads);
        this.pool = new ContextPool<>((message, e) -> log.log("wsgi-servlet-python: " + message, e));
    }

    /**
     * Starts the first context and imports the application in it, then starts the others in the
     * background.
     *
     * <p>Everything that touches GraalPy outside requests runs on threads of this module that end
     * afterwards: Truffle leaves thread-local state on every thread that used it, and a
     * container's deployer thread lives on.
     *
     * @throws InvalidParameterException naming the parameter at fault: {@code application} when
     *     the import fails (its cause carries the Python traceback), {@code python.startup-timeout}
     *     when it takes too long, or a GraalPy option GraalPy rejects
     */
    static PythonApplication start(AppSpec app, PythonSettings settings, Deployment deployment) throws Exception {
        long begin = System.nanoTime();
        String hookWarning = EngineShutdownHook.skipIfPrivateTo(deployment.classLoader());
        if (hookWarning != null) {
            deployment.log(hookWarning);
        }
        PythonApplication application = new PythonApplication(app, settings, deployment.servletContext());
        try {
            Future<?> first = application.starters.submit(() -> {
                application.open(deployment);
                return null;
            });
            application.await(first, deployment.parameter(PythonSettings.STARTUP_TIMEOUT));
            deployment.log(String.format("wsgi-servlet-python: %s imported in %.1f s in the first of %d GraalPy"
                    + " contexts (python.path: %s)%s", app, seconds(System.nanoTime() - begin), settings.contexts,
                    String.join(":", settings.path),
                    settings.contexts > 1 ? "; the others start in the background" : ""));
            application.startOthers(begin);
            return application;
        } catch (Exception | Error e) {
            application.close();
            String hidden = HiddenJdkPackage.explain(e);
            if (hidden != null) {
                throw new IllegalStateException(hidden, e);
            }
            throw e;
        }
    }

    /** The engine, the factory and the first context, on a start-up thread. */
    private void open(Deployment deployment) throws InvalidParameterException {
        ServletContext servletContext = deployment.servletContext();
        Engine created = ContextFactory.newEngine(new ContainerLogHandler(servletContext));
        engine = created;
        if (closed) {
            created.close(true); // stopped while the engine was being built
            throw new IllegalStateException("the application is being stopped");
        }
        deployment.log(JitStatus.line(created));
        Map<String, String> options = new TreeMap<>(GraalPyOptions.read(deployment, created));
        File temp = (File) servletContext.getAttribute(ServletContext.TEMPDIR);
        if (temp != null) {
            options.putIfAbsent(GraalPyOptions.PYCACHE_PREFIX, new File(temp, "python-bytecode").getAbsolutePath());
        }
        factory = new ContextFactory(created, app, settings.path, options, deployment.classLoader());
        pool.add(factory.create());
    }

    private void await(Future<?> first, String timeoutParameter) throws Exception {
        try {
            first.get(settings.startupTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof Exception exception ? exception : new IllegalStateException(cause);
        } catch (TimeoutException e) {
            throw new InvalidParameterException(PythonSettings.STARTUP_TIMEOUT,
                    timeoutParameter == null
                            ? PythonSettings.DEFAULT_STARTUP_TIMEOUT.toMinutes() + "m (the default)" : timeoutParameter,
                    "starting Python and importing " + app.module() + " took longer; raise the limit if the"
                    + " import is just slow (without the JIT, Django and Flask take 10-40 s)");
        }
    }

    private void startOthers(long begin) {
        AtomicInteger pending = new AtomicInteger(settings.contexts - 1);
        for (int i = 1; i < settings.contexts; i++) {
            starters.submit(() -> {
                try {
                    pool.add(factory.create());
                } catch (Exception | Error e) {
                    if (!closed) {
                        log.log("wsgi-servlet-python: starting another GraalPy context for " + app
                                + " failed; serving with fewer" + hint(e), e);
                    }
                } finally {
                    if (pending.decrementAndGet() == 0 && !closed) {
                        log.log(String.format("wsgi-servlet-python: %d of %d GraalPy contexts for %s started in %.1f s",
                                pool.size(), settings.contexts, app, seconds(System.nanoTime() - begin)));
                    }
                }
                return null;
            });
        }
        starters.shutdown(); // the threads end once the contexts are started
    }

    /**
     * GraalPy loads a native module (termios, which Django imports, for example) into one context
     * of a process unless told to isolate them; the failure of the next context says so in
     * GraalPy's words, and the deployer needs this module's parameter names.
     */
    private static String hint(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String text = t instanceof PythonException python ? python.traceback() : String.valueOf(t.getMessage());
            if (text.contains("IsolateNativeModules")) {
                return " (the application loads a native module: set python.IsolateNativeModules to true, which needs"
                        + " the patchelf program, or python.contexts to 1)";
            }
        }
        return "";
    }

    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
        if (closed) {
            throw new IllegalStateException("the Python application " + app + " was stopped");
        }
        ContextPool.Lease<PythonContext> lease = pool.acquire(settings.acquireTimeout);
        if (lease == null) {
            return busy(startResponse);
        }
        try {
            return lease.item().call(environ, startResponse, lease);
        } catch (Exception | Error e) {
            lease.close();
            throw e;
        }
    }

    private Iterable<byte[]> busy(StartResponse startResponse) throws Exception {
        long now = System.nanoTime();
        long last = lastBusyLog.get();
        if (now - last >= BUSY_LOG_INTERVAL_NANOS && lastBusyLog.compareAndSet(last, now)) {
            log.log("wsgi-servlet-python: all " + pool.size() + " GraalPy contexts of " + app + " stayed busy for "
                    + settings.acquireTimeout.toMillis() + " ms; answering 503 (python.contexts, python.acquire-timeout;"
                    + " logged at most once a minute)");
        }
        startResponse.call("503 Service Unavailable", List.of(
                new Header("Content-Type", "text/plain; charset=utf-8"),
                new Header("Retry-After", Integer.toString(settings.retryAfterSeconds))));
        return List.of("503 Service Unavailable: every Python context is busy; retry later\n"
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Closes every context (cancelling Python code still running) and the engine, and waits for
     * contexts still starting to stop; on a thread of its own, see {@link #start}. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Thread stopper = threads.newThread(this::stop);
        stopper.start();
        try {
            stopper.join(2 * STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stop() {
        pool.close();
        starters.shutdown(); // no interrupt: GraalPy's own start-up must run to its end (see ContextFactory.stop)
        try {
            ContextFactory starting = factory;
            if (starting != null && !starting.stop(STOP_WAIT)) {
                log.log("wsgi-servlet-python: GraalPy was still starting a context of " + app + " "
                        + STOP_WAIT.toSeconds() + " s after the stop; closing it anyway");
            }
            Engine built = engine;
            if (built != null) {
                built.close(true); // cancels the application's code still running, imports included
            }
            if (!starters.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.log("wsgi-servlet-python: a start-up thread of " + app + " was still running "
                        + STOP_WAIT.toSeconds() + " s after the stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RecordMethodsCache.release();
    }

    @Override
    public String toString() {
        return "python:" + app;
    }

    /**
     * This module's threads (start-up and stop) carry the context class loader that loaded
     * GraalPy, not the web application's: Truffle keeps what it finds there on first use in static
     * state, and with GraalPy on the container's shared class path that would pin the first web
     * application to use Python in memory after its undeploy. (Python code reaches the web
     * application's classes through the context's host class loader, which is set explicitly.)
     */
    private static ThreadFactory ownThreads() {
        ClassLoader classLoader = Engine.class.getClassLoader();
        int id = APPLICATIONS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "wsgi-servlet-python-" + id + "-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setContextClassLoader(classLoader);
            return t;
        };
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
