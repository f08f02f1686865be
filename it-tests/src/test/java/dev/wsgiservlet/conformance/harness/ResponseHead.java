package dev.wsgiservlet.conformance.harness;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A response's status line and headers, as they came over the wire. */
public record ResponseHead(String statusLine, int status, List<Map.Entry<String, String>> headers) {

    /** The first value of the header {@code name} (any case). */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
    }

    /** Whether the body is sent with {@code Transfer-Encoding: chunked}. */
    public boolean chunked() {
        return header("Transfer-Encoding").map(v -> v.toLowerCase().contains("chunked")).orElse(false);
    }

    /** The declared Content-Length, or -1. */
    public long contentLength() {
        return header("Content-Length").map(Long::parseLong).orElse(-1L);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(statusLine);
        headers.forEach(h -> out.append("\n").append(h.getKey()).append(": ").append(h.getValue()));
        return out.toString();
    }
}
