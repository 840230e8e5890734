package org.revos.kernel.spi.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.revos.kernel.spi.TenantRow;
import org.revos.kernel.spi.objects.ObjectCollections;
import org.revos.kernel.spi.objects.ObjectSchema;

import com.fasterxml.jackson.databind.JsonNode;

/** A tenant collection whose objects can also be changed (JSON merge patch) and deleted. */
public abstract class MutableCollectionResource<E extends TenantRow> extends CollectionResource<E> {

    public static final String MERGE_PATCH = "application/merge-patch+json";

    protected MutableCollectionResource(ObjectSchema<E> schema, ObjectCollections collections) {
        super(schema, collections);
    }

    @PATCH
    @Path("{id}")
    @Consumes({ MediaType.APPLICATION_JSON, MERGE_PATCH })
    public JsonNode patch(@PathParam("id") String id, JsonNode body, @Context SecurityContext security) {
        return collections.patch(caller(security), schema, id, body);
    }

    @DELETE
    @Path("{id}")
    @ResponseStatus(204)
    public Response delete(@PathParam("id") String id, @Context SecurityContext security) {
        collections.delete(caller(security), schema, id);
        return Response.noContent().build();
    }
}
