package org.revos.runtime.internal.stages;

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
import org.revos.runtime.internal.objects.Catalog;
import org.revos.runtime.internal.objects.ObjectEngine;
import org.revos.runtime.internal.persistence.StageTransitionEntity;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.rest.RevosApplication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/v1/{leads|deals}/{id}/transitions} moves an object through the stage engine; {@code GET} lists
 * its stage history, oldest first.
 */
@Component(service = TransitionsResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosApplication.SELECT)
@Path("{collection: leads|deals}/{id}/transitions")
@Produces(MediaType.APPLICATION_JSON)
public final class TransitionsResource {

    private final Store store;
    private final StageModels models;
    private final RevosData data;

    @Activate
    public TransitionsResource(@Reference Store store, @Reference StageModels models, @Reference RevosData data) {
        this.store = store;
        this.models = models;
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
        return store.write(tenant.id(), caller, tx -> StageEngine.transition(tx, tenant, catalog, type, id, body));
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
        List<StageTransitionEntity> rows = store.read(tenantId, em -> {
            if (type == ObjectType.DEAL) {
                ObjectEngine.find(em, Catalog.DEAL, id);
            } else {
                ObjectEngine.find(em, Catalog.LEAD, id);
            }
            return em.createQuery("SELECT t FROM StageTransitionEntity t WHERE t.objectId = :id AND t.objectType = :type"
                    + " AND t.id > :after ORDER BY t.id", StageTransitionEntity.class).setParameter("id", id)
                    .setParameter("type", type.name()).setParameter("after", after).setMaxResults(limit + 1)
                    .getResultList();
        });
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        var items = page.putArray("items");
        rows.stream().limit(limit).forEach(t -> items.addObject().put("id", t.id).put("pipeline", t.pipeline)
                .put("fromStage", t.fromStage).put("toStage", t.toStage).put("at", FieldTypes.instantText(t.at))
                .put("by", t.actor).put("overrideReason", t.overrideReason));
        page.put("next", rows.size() > limit ? Pages.encodeCursor(rows.get(limit - 1).id) : null);
        return page;
    }

    private static ObjectType type(String collection) {
        return collection.equals("deals") ? ObjectType.DEAL : ObjectType.LEAD;
    }
}
