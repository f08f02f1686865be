package dev.wsgiservlet;

/** One response header, as a {@code (name, value)} pair of {@code start_response}. */
public record Header(String name, String value) { }
