package org.revos.runtime.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeoutException;

import org.eclipse.jetty.http.BadMessageException;
import org.junit.jupiter.api.Test;

/** A body the client did not deliver is its 400 or 408; other failures stay defects. */
class RequestBodyFailuresTest {

    @Test
    void aBodyShorterThanItsContentLengthIsABadRequest() {
        assertEquals(400, RequestBodyFailures.problem(new UncheckedIOException(new EOFException("Early EOF")))
                .orElseThrow().status());
    }

    @Test
    void aBodyThatStopsArrivingIsARequestTimeout() {
        assertEquals(408, RequestBodyFailures.problem(new IOException(new TimeoutException("Idle timeout expired")))
                .orElseThrow().status());
    }

    @Test
    void brokenFramingIsABadRequest() {
        assertEquals(400, RequestBodyFailures.problem(new IOException(new BadMessageException("Bad chunk")))
                .orElseThrow().status());
    }

    @Test
    void anythingElseIsNotTheClients() {
        assertTrue(RequestBodyFailures.problem(new IOException("disk full")).isEmpty());
        assertTrue(RequestBodyFailures.problem(new IllegalStateException()).isEmpty());
    }
}
