package org.revos.kernel.spi.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.revos.api.security.Caller;
import org.revos.kernel.spi.TenantRow;
import org.revos.kernel.spi.TenantTransaction;
import org.revos.kernel.spi.objects.ObjectCollections;
import org.revos.kernel.spi.objects.ObjectSchema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A tenant collection that can be listed, read and appended to: {@code GET /}, {@code GET /{id}}, {@code POST /}. A
 * subclass names the path ({@code @Path}) and is registered as a whiteboard resource of the RevOS application; the
 * generated OpenAPI document describes its operations from its {@link ObjectSchema}.
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class CollectionResource<E extends TenantRow> {

    /** The request header that makes a creation happen once per key. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    protected final ObjectSchema<E> schema;
    protected final ObjectCollections collections;

    protected CollectionResource(ObjectSchema<E> schema, ObjectCollections collections) {
        this.schema = schema;
        this.collections = collections;
    }

    @GET
    public JsonNode list(@Context UriInfo uri, @Context SecurityContext security) {
        return collections.list(tenant(security), schema, uri.getQueryParameters());
    }

    @GET
    @Path("{id}")
    public JsonNode get(@PathParam("id") String id, @Context SecurityContext security) {
        return collections.get(tenant(security), schema, id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    public Response create(JsonNode body, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @Context SecurityContext security) {
        return collections.create(caller(security), schema, fieldsOfTheObject(body), body, idempotencyKey,
                this::created);
    }

    /** @return the part of a POST body that the object's own fields take (all of it, unless a subclass says) */
    protected JsonNode fieldsOfTheObject(JsonNode body) {
        return body;
    }

    /**
     * Runs after an object was created, in the same transaction (leads and deals enter their stage here).
     *
     * @param body the whole POST body
     */
    protected void created(TenantTransaction tx, String id, JsonNode body) {
    }

    protected static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }

    protected static String tenant(SecurityContext security) {
        return caller(security).tenantId();
    }
}
