package dev.wsgiservlet.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The bodies both benchmark applications send, so that the raw servlet and the WSGI app do the same work. */
public final class Payloads {

    /** The hello scenario's body: 13 bytes. */
    public static final byte[] HELLO = "Hello, world!".getBytes(StandardCharsets.US_ASCII);
    /** The 64 KiB scenario's body. */
    public static final byte[] BODY_64K = filled(64 * 1024);
    /** One block of the streamed scenario; the body is {@link #STREAM_BLOCKS} of them, each flushed. */
    public static final byte[] STREAM_BLOCK = filled(4 * 1024);
    public static final int STREAM_BLOCKS = 10;
    /** Buffer size both upload handlers read the request body with. */
    public static final int UPLOAD_BUFFER = 64 * 1024;
    /** The file the download scenario sends, inside the server's document base. */
    public static final String DOWNLOAD_FILE = "big.bin";
    /** The small-file scenario's file (16 KiB: below DefaultServlet's 48 KiB sendfile threshold). */
    public static final String SMALL_FILE = "small.bin";

    private Payloads() {
    }

    private static byte[] filled(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'x');
        return bytes;
    }
}
