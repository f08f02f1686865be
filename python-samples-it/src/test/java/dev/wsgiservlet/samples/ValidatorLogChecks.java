package dev.wsgiservlet.samples;

import static dev.wsgiservlet.samples.harness.Http.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsgiservlet.samples.harness.SampleServer;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The end of a validator test class: once every request has been answered, the log holds no
 * finding of {@code wsgiref.validate}; then a request that breaks PEP 3333 on purpose shows
 * that a finding would have been there.
 */
interface ValidatorLogChecks {

    /** What the validator's findings look like in a log: its exceptions and its module. */
    List<String> FINDING_MARKS = List.of("AssertionError", "WSGIWarning", "wsgiref", "garbage collected without being closed");

    /** The server that runs the validator-wrapped application. */
    SampleServer server();

    @Test
    @Order(Integer.MAX_VALUE - 1)
    default void validatorFoundNothing() {
        String log = server().output().text();
        List<String> found = FINDING_MARKS.stream().filter(log::contains).collect(Collectors.toList());
        assertTrue(found.isEmpty(), "validator findings " + found + " in the log:\n" + log);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    default void validatorFindingsReachTheLog() {
        assertEquals(500, get(server().uri("/validator-selftest")).statusCode());
        String log = server().output().text();
        assertTrue(log.contains("AssertionError") && log.contains("must be of type list"), log);
    }
}
