package dev.wsgiservlet.samples.harness;

import java.net.http.HttpResponse;
import java.util.Optional;

/** The cookies a response sets, read from its {@code Set-Cookie} headers. */
public final class Cookies {

    private Cookies() {
    }

    /** The whole {@code Set-Cookie} header that sets {@code name}, attributes included. */
    public static Optional<String> setCookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .map(String::strip)
                .filter(header -> header.startsWith(name + "="))
                .findFirst();
    }

    /** The value {@code Set-Cookie} gives to {@code name}; fails if the response does not set it. */
    public static String value(HttpResponse<?> response, String name) {
        String header = setCookie(response, name)
                .orElseThrow(() -> new AssertionError("no Set-Cookie for " + name + " in " + response.headers().map()));
        int end = header.indexOf(';');
        return header.substring(name.length() + 1, end < 0 ? header.length() : end);
    }
}
