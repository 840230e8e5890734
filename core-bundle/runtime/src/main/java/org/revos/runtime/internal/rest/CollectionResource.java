package org.revos.runtime.internal.rest;

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
import org.revos.runtime.internal.objects.ObjectEngine;
import org.revos.runtime.internal.objects.ObjectSchema;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.persistence.TenantRow;
import org.revos.runtime.internal.persistence.Tx;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A tenant collection that can be listed, read and appended to: {@code GET /}, {@code GET /{id}}, {@code POST /}.
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class CollectionResource<E extends TenantRow> {

    protected final ObjectSchema<E> schema;
    protected final Store store;
    protected final Idempotency idempotency;

    protected CollectionResource(ObjectSchema<E> schema, Store store, Idempotency idempotency) {
        this.schema = schema;
        this.store = store;
        this.idempotency = idempotency;
    }

    @GET
    public JsonNode list(@Context UriInfo uri, @Context SecurityContext security) {
        return store.read(tenant(security), em -> ObjectEngine.list(em, schema, uri.getQueryParameters()));
    }

    @GET
    @Path("{id}")
    public JsonNode get(@PathParam("id") String id, @Context SecurityContext security) {
        return store.read(tenant(security), em -> ObjectEngine.render(schema, ObjectEngine.find(em, schema, id)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    public Response create(JsonNode body, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Context SecurityContext security) {
        Caller caller = caller(security);
        return idempotency.post(caller.tenantId(), caller, idempotencyKey, "POST " + schema.path() + "\n" + body,
                tx -> {
                    String id = ObjectEngine.create(tx, schema, fieldsOfTheObject(body)).get("id").asText();
                    created(tx, id, body);
                    JsonNode created = ObjectEngine.render(schema, ObjectEngine.find(tx.em(), schema, id));
                    return Answer.created(schema.path() + "/" + id, created);
                }, answer -> answer);
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
    protected void created(Tx tx, String id, JsonNode body) {
    }

    protected static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }

    protected static String tenant(SecurityContext security) {
        return caller(security).tenantId();
    }
}
