package dev.wsgiservlet.sample;

import java.io.IOException;

/** A {@code multipart/form-data} body that breaks RFC 2046's framing. */
public class MultipartException extends IOException {

    private static final long serialVersionUID = 1L;

    public MultipartException(String message) {
        super(message);
    }
}
