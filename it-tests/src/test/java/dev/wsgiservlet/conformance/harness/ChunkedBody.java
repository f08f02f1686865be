package dev.wsgiservlet.conformance.harness;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * A chunked body as read off the wire: the chunks' data, and whether it ended properly with the
 * last chunk ({@code 0\r\n\r\n}) rather than with the connection closing.
 */
public record ChunkedBody(List<byte[]> chunks, boolean terminated) {

    /** All the data, joined. */
    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chunks.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
