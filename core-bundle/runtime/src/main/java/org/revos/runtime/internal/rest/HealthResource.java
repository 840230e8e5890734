package org.revos.runtime.internal.rest;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.revos.runtime.internal.persistence.Store;

/**
 * {@code GET /api/v1/health}: answers without a key once the runtime serves requests. It needs the store and
 * idempotency service every core resource needs, so it is published no earlier than they are: "UP" means the
 * database is open and the API works.
 */
@Component(service = HealthResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsApplicationSelect(RevosApplication.SELECT)
@Access(Access.Level.PUBLIC)
@Path("health")
public final class HealthResource {

    @Activate
    public HealthResource(@Reference Store store, @Reference Idempotency idempotency) {
        // references only: their presence is the readiness this resource reports
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> health() {
        return Map.of("status", "UP");
    }
}
