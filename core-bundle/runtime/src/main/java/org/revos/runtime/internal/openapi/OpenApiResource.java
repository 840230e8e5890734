package org.revos.runtime.internal.openapi;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.revos.kernel.spi.rest.Access;
import org.revos.runtime.internal.rest.RevosApplication;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI 3.1 document of the API as this installation serves it now. Any valid
 * key may read it, platform-admin or tenant: it describes the whole API, admin operations included, and says for
 * each operation which keys may call it.
 */
@Component(service = OpenApiResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosApplication.SELECT)
@Access(Access.Level.AUTHENTICATED)
@Path("openapi.json")
public final class OpenApiResource {

    private final ApiDocument document;

    @Activate
    public OpenApiResource(@Reference ApiDocument document) {
        this.document = document;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode document() {
        return document.document();
    }
}
