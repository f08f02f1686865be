package dev.wsgiservlet;

import java.io.IOException;

/**
 * PEP 3333's {@code write(data)} callable, returned by {@link StartResponse}. The data is sent
 * before anything the application's iterable yields. Deprecated by the PEP, supported for old
 * applications.
 */
@FunctionalInterface
public interface Write {

    /** Sends {@code data} to the client now. */
    void write(byte[] data) throws IOException;
}
