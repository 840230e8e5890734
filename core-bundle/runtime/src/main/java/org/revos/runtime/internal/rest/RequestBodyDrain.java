package org.revos.runtime.internal.rest;

import java.io.IOException;
import java.io.InputStream;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Reads what is left of a request's body, up to 1 MiB, before the answer goes out. A request answered before its
 * resource read the body (a 405 to a PATCH, a 401, a problem raised early) would otherwise leave bytes on the
 * connection; Jetty then closes it after the answer without saying so, and a client that keeps connections for reuse
 * finds this one dead on its next request ("header parser received no bytes"). Bodies the resource read are at their
 * end already and cost nothing here; a bigger rest is left to Jetty, which closes the connection as before.
 */
@Priority(Priorities.USER)
public final class RequestBodyDrain implements ContainerResponseFilter {

    static final long LIMIT = 1 << 20;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        try {
            if (!request.hasEntity()) { // throws when the resource read the body and closed it
                return;
            }
            InputStream in = request.getEntityStream();
            byte[] buffer = new byte[8192];
            long left = LIMIT;
            for (int n = 0; n >= 0 && left > 0; n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) {
                left -= n;
            }
        } catch (IOException | IllegalStateException e) {
            // the body is gone (closed by the resource, or the client left): nothing stays on the connection
        }
    }
}
