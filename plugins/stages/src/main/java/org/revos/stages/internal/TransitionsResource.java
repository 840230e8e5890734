package org.revos.stages.internal;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.revos.api.model.ObjectType;
import org.revos.api.model.Tenant;
import org.revos.api.query.RevosData;
import org.revos.api.security.Caller;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.kernel.spi.rest.Listing;
import org.revos.kernel.spi.rest.Pages;
import org.revos.kernel.spi.rest.SchemaFrom;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.TenantStore;
import org.revos.kernel.spi.objects.ObjectCollections;
import org.revos.kernel.spi.objects.ObjectSchema;
import org.revos.kernel.spi.rest.RevosResources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/v1/{leads|deals}/{id}/transitions} moves an object through the stage engine; {@code GET} lists
 * its stage history, oldest first.
 */
@Component(service = TransitionsResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosResources.APPLICATION_SELECT)
@Path("{collection: leads|deals}/{id}/transitions")
@Produces(MediaType.APPLICATION_JSON)
public final class TransitionsResource {

    private final TenantStore store;
    private final StageEngine engine;
    private final StageModels models;
    private final ObjectCollections objects;
    private final RevosData data;

    @Activate
    public TransitionsResource(@Reference TenantStore store, @Reference StageEngine engine,
            @Reference StageModels models, @Reference ObjectCollections objects, @Reference RevosData data) {
        this.store = store;
        this.engine = engine;
        this.models = models;
        this.objects = objects;
        this.data = data;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SchemaFrom(value = "moveSchema", name = "Transition")
    public JsonNode move(@PathParam("collection") String collection, @PathParam("id") String id, JsonNode body,
            @Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        Tenant tenant = data.forTenant(caller.tenantId()).tenant();
        StageCatalog catalog = models.forTenant(tenant);
        ObjectType type = type(collection);
        return store.transaction(tenant.id(), caller, tx -> engine.transition(tx, tenant, catalog, type, id, body));
    }

    static ObjectNode moveSchema() {
        return StageEngine.requestSchema();
    }

    @GET
    @Listing
    public JsonNode history(@PathParam("collection") String collection, @PathParam("id") String id,
            @Context UriInfo uri, @Context SecurityContext security) {
        ObjectType type = type(collection);
        Map<String, List<String>> query = uri.getQueryParameters();
        Violations v = new Violations();
        int limit = Pages.limit(query, v);
        String after = Pages.cursor(query, v);
        query.keySet().stream().filter(k -> !k.equals("limit") && !k.equals("cursor"))
                .forEach(k -> v.add(k, "is not a parameter of a stage history; use limit or cursor"));
        v.throwIfAny();
        String tenantId = ((Caller) security.getUserPrincipal()).tenantId();
        ObjectSchema<?> schema = objects.schema(type).orElseThrow();
        List<Object[]> rows = store.query(tenantId, em -> {
            if (id == null || id.length() > 40 || em.find(schema.entityClass(), id) == null) {
                throw Problem.notFound(schema.name(), id);
            }
            // the kernel's stage history (StageHistory), read as the API shows it
            return em.createQuery("SELECT t.id, t.pipeline, t.fromStage, t.toStage, t.at, t.actor, t.overrideReason"
                    + " FROM StageTransitionEntity t WHERE t.objectId = :id AND t.objectType = :type"
                    + " AND t.id > :after ORDER BY t.id", Object[].class).setParameter("id", id)
                    .setParameter("type", type.name()).setParameter("after", after).setMaxResults(limit + 1)
                    .getResultList();
        });
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        var items = page.putArray("items");
        rows.stream().limit(limit).forEach(t -> items.addObject().put("id", (String) t[0])
                .put("pipeline", (String) t[1]).put("fromStage", (String) t[2]).put("toStage", (String) t[3])
                .put("at", FieldTypes.instantText(((Number) t[4]).longValue())).put("by", (String) t[5])
                .put("overrideReason", (String) t[6]));
        page.put("next", rows.size() > limit ? Pages.encodeCursor((String) rows.get(limit - 1)[0]) : null);
        return page;
    }

    private static ObjectType type(String collection) {
        return collection.equals("deals") ? ObjectType.DEAL : ObjectType.LEAD;
    }
}
