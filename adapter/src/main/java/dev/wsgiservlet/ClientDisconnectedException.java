package dev.wsgiservlet;

import java.io.IOException;

/** Writing to the client failed: the client went away. Not the application's fault. */
final class ClientDisconnectedException extends IOException {

    private static final long serialVersionUID = 1L;

    ClientDisconnectedException(IOException cause) {
        super("the client disconnected: " + cause.getMessage(), cause);
    }
}
