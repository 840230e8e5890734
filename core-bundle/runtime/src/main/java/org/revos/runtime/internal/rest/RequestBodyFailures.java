package org.revos.runtime.internal.rest;

import java.io.EOFException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import org.eclipse.jetty.http.HttpException;
import org.revos.kernel.spi.Problem;

/**
 * Tells a request body the client failed to deliver from a defect of the runtime. A body that ends before the length
 * its {@code Content-Length} announced, or that breaks its chunked framing, is the client's 400; one that stops
 * arriving until the connection's idle timeout is a 408. Neither is an incident.
 */
final class RequestBodyFailures {

    private RequestBodyFailures() {
    }

    /** @return the problem to answer when {@code failure} was caused by the request body not arriving whole */
    static Optional<Problem> problem(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException || t instanceof SocketTimeoutException) {
                return Optional.of(new Problem(408, "request-timeout", "Request timeout", "The request body"
                        + " stopped arriving before it was complete; send it again, whole", List.of()));
            }
            if (t instanceof EOFException) {
                return Optional.of(Problem.invalid("body", "ended before it was complete: the connection closed"
                        + " before the length its Content-Length header (or its chunked framing) announced"));
            }
            if (t instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                return Optional.of(Problem.invalid("body", "could not be received: the request breaks HTTP's"
                        + " message framing (" + http.getReason() + ")"));
            }
        }
        return Optional.empty();
    }
}
