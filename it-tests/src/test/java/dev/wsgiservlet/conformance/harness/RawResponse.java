package dev.wsgiservlet.conformance.harness;

import java.nio.charset.StandardCharsets;

/** A response read off a {@link RawConnection}. */
public record RawResponse(ResponseHead head, byte[] body) {

    /** The status code. */
    public int status() {
        return head.status();
    }

    /** The body read as ISO-8859-1 (one char per byte). */
    public String text() {
        return new String(body, StandardCharsets.ISO_8859_1);
    }
}
