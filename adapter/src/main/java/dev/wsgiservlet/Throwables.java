package dev.wsgiservlet;

/** Rethrowing a {@link Throwable} of any kind unchanged, as PEP 3333's {@code exc_info} re-raise needs. */
final class Throwables {

    private Throwables() {
    }

    /** Throws {@code t} as it is; declared to return so that callers can write {@code throw rethrow(t)}. */
    static RuntimeException rethrow(Throwable t) {
        Throwables.<RuntimeException>sneaky(t);
        return null;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
