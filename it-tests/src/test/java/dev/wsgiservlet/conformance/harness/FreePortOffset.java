package dev.wsgiservlet.conformance.harness;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WildFly {@code jboss.socket.binding.port-offset} under which every port that the default
 * {@code standalone.xml} binds is free on 127.0.0.1 right now.
 *
 * <p>The shifted ports stay below 32768, where Linux starts handing out ephemeral ports, so no
 * outgoing connection takes one of them between this check and the server's start.
 */
public final class FreePortOffset {

    /** The {@code http} socket binding of {@code standalone.xml}. */
    public static final int HTTP = 8080;
    /** The {@code management-http} socket binding of {@code standalone.xml}. */
    public static final int MANAGEMENT_HTTP = 9990;

    /** The "standard-sockets" group: ajp, http, https, management-http, management-https, txn-recovery, txn-status. */
    private static final int[] STANDARD_SOCKETS = {8009, HTTP, 8443, MANAGEMENT_HTTP, 9993, 4712, 4713};
    private static final int HIGHEST_PORT = 32767;
    private static final int LOWEST_OFFSET = 1000;
    private static final int ATTEMPTS = 200;

    private FreePortOffset() {
    }

    /** A random offset whose seven ports are all free. */
    public static int find() {
        int highestBase = 0;
        for (int port : STANDARD_SOCKETS) {
            highestBase = Math.max(highestBase, port);
        }
        int highestOffset = HIGHEST_PORT - highestBase;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int offset = ThreadLocalRandom.current().nextInt(LOWEST_OFFSET, highestOffset + 1);
            if (allFree(offset)) {
                return offset;
            }
        }
        throw new IllegalStateException("no port offset in " + LOWEST_OFFSET + ".." + highestOffset
                + " leaves all of WildFly's standard ports free after " + ATTEMPTS + " attempts");
    }

    private static boolean allFree(int offset) {
        for (int port : STANDARD_SOCKETS) {
            if (!free(port + offset)) {
                return false;
            }
        }
        return true;
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
