package org.revos.runtime.internal.admin;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.revos.api.security.ApiRole;
import org.revos.api.security.Caller;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.kernel.spi.rest.Access;
import org.revos.kernel.spi.rest.JsonSchemas;
import org.revos.kernel.spi.rest.Listing;
import org.revos.kernel.spi.rest.ResponseStatus;
import org.revos.kernel.spi.rest.SchemaFrom;
import org.revos.runtime.internal.persistence.ApiKeyEntity;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.rest.Answer;
import org.revos.runtime.internal.rest.Idempotency;
import org.revos.runtime.internal.rest.RevosApplication;
import org.revos.runtime.internal.security.ApiKeys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/admin/tenants/{tenantId}/api-keys}: a tenant's keys. A key's secret is in the creation response only;
 * lists show its prefix. A retried creation (same Idempotency-Key) answers with the secret withheld.
 */
@Component(service = ApiKeysResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosApplication.SELECT)
@Access(Access.Level.PLATFORM)
@Path("admin/tenants/{tenantId}/api-keys")
@Produces(MediaType.APPLICATION_JSON)
public final class ApiKeysResource {

    private static final List<String> ROLES = List.of("ADMIN", "MEMBER", "READ_ONLY");
    static final String WITHHELD = "(shown once, at creation)";

    private final Store store;
    private final ApiKeys keys;
    private final Idempotency idempotency;

    @Activate
    public ApiKeysResource(@Reference Store store, @Reference ApiKeys keys, @Reference Idempotency idempotency) {
        this.store = store;
        this.keys = keys;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @SchemaFrom(value = "createSchema", name = "ApiKeyCreate")
    public Response create(@PathParam("tenantId") String tenantId, JsonNode body,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Context SecurityContext security) {
        TenantsResource.find(store, tenantId);
        Violations v = new Violations();
        if (body == null || !body.isObject()) {
            throw Problem.invalid("body", "must be a JSON object such as {\"name\": \"CRM sync\", \"role\": \"MEMBER\"}");
        }
        body.fieldNames().forEachRemaining(f -> {
            if (!f.equals("name") && !f.equals("role")) {
                v.add(f, "is not a field of an API key; use name and role");
            }
        });
        String name = body.hasNonNull("name") ? (String) FieldTypes.text(200).parse(body.get("name"), "name", v) : null;
        if (!body.hasNonNull("name")) {
            v.add("name", "is required");
        }
        String role = body.hasNonNull("role") ? (String) FieldTypes.oneOf(ROLES).parse(body.get("role"), "role", v)
                : null;
        if (!body.hasNonNull("role")) {
            v.add("role", "is required: one of " + String.join(", ", ROLES));
        }
        v.throwIfAny();
        Caller caller = (Caller) security.getUserPrincipal();
        return idempotency.post(tenantId, caller, idempotencyKey, "POST api-keys " + tenantId + "\n" + body, tx -> {
            ApiKeys.Issued issued = keys.issue(tx, tenantId, name, ApiRole.valueOf(role));
            ObjectNode json = render(issued.entity());
            tx.audit("API_KEY_CREATED", "API_KEY", issued.entity().id, null, json);
            return Answer.created("admin/tenants/" + tenantId + "/api-keys/" + issued.entity().id,
                    json.deepCopy().put("key", issued.secret()));
        }, answer -> Answer.created(answer.location(), ((ObjectNode) answer.body()).deepCopy().put("key", WITHHELD)));
    }

    /** @return what {@link #create} accepts */
    static ObjectNode createSchema() {
        return JsonSchemas.object("A new API key of the tenant").required("name", JsonSchemas.text(200))
                .required("role", JsonSchemas.oneOf(ROLES)).build();
    }

    @GET
    @Listing(paged = false)
    public JsonNode list(@PathParam("tenantId") String tenantId) {
        TenantsResource.find(store, tenantId);
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        var items = page.putArray("items");
        store.readPlatform(em -> em.createQuery("SELECT k FROM ApiKeyEntity k WHERE k.tenantId = :t ORDER BY k.id",
                ApiKeyEntity.class).setParameter("t", tenantId).getResultList()).forEach(k -> items.add(render(k)));
        page.putNull("next");
        return page;
    }

    @DELETE
    @Path("{keyId}")
    @ResponseStatus(204)
    public Response revoke(@PathParam("tenantId") String tenantId, @PathParam("keyId") String keyId,
            @Context SecurityContext security) {
        TenantsResource.find(store, tenantId);
        store.write(tenantId, (Caller) security.getUserPrincipal(), tx -> {
            ApiKeyEntity key = keyId.length() > 40 ? null : tx.em().find(ApiKeyEntity.class, keyId);
            if (key == null || !tenantId.equals(key.tenantId)) {
                throw Problem.notFound("API key", keyId);
            }
            if (key.revokedAt == null) {
                ObjectNode before = render(key);
                keys.revoke(tx, key);
                tx.audit("API_KEY_REVOKED", "API_KEY", key.id, before, render(key));
            }
            return null;
        });
        return Response.noContent().build();
    }

    static ObjectNode render(ApiKeyEntity k) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("id", k.id).put("tenantId", k.tenantId)
                .put("name", k.name).put("role", k.role).put("prefix", k.prefix)
                .put("createdAt", FieldTypes.instantText(k.createdAt));
        json.put("revokedAt", k.revokedAt == null ? null : FieldTypes.instantText(k.revokedAt));
        return json;
    }
}
