package org.revos.blackbox.plugins;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** A plugin's REST resource, {@code GET /api/v1/bad-resource}, that always throws. */
@Path("bad-resource")
public class ThrowingResource {

    public static final String MESSAGE = "the throwing resource always fails";

    @GET
    @Produces("application/json")
    public String get() {
        throw new IllegalStateException(MESSAGE);
    }
}
