package dev.wsgiservlet.python;

/** Rethrows a Java exception raised inside Python unchanged, checked or not, where the signature cannot declare it. */
final class Sneaky {

    private Sneaky() {
    }

    /** Throws {@code t}; declared to return so that callers can write {@code throw Sneaky.raise(t)}. */
    static RuntimeException raise(Throwable t) {
        Sneaky.<RuntimeException>raise0(t);
        return null;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void raise0(Throwable t) throws T {
        throw (T) t;
    }
}
