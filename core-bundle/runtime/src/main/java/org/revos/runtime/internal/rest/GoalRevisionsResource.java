package org.revos.runtime.internal.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.revos.api.security.Caller;
import org.revos.api.spi.KpiResult;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.runtime.internal.json.Json;
import org.revos.runtime.internal.persistence.GoalRevisionEntity;
import org.revos.runtime.internal.persistence.Store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/v1/goals/{id}/revisions}: every state a goal had, oldest first, including its deletion: changing a
 * goal's period or target keeps what it was. The revisions are part of the goals object model (the kernel's goal
 * rules write one in every goal write's transaction), so this endpoint is the kernel's and answers with or without
 * the KPI engine; pacing and the goal matrix, which compute KPIs, are the KPI engine's.
 */
@Component(service = GoalRevisionsResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosApplication.SELECT)
@Path("goals/{id}/revisions")
@Produces(MediaType.APPLICATION_JSON)
public final class GoalRevisionsResource {

    private final Store store;

    @Activate
    public GoalRevisionsResource(@Reference Store store) {
        this.store = store;
    }

    @GET
    public JsonNode revisions(@PathParam("id") String id, @Context SecurityContext security) {
        String tenantId = ((Caller) security.getUserPrincipal()).tenantId();
        List<GoalRevisionEntity> revisions = store.read(tenantId, em -> em.createQuery("SELECT r FROM"
                + " GoalRevisionEntity r WHERE r.goalId = :g ORDER BY r.createdAt, r.id", GoalRevisionEntity.class)
                .setParameter("g", id).getResultList());
        if (revisions.isEmpty()) {
            throw Problem.notFound("goal", id);
        }
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        var items = page.putArray("items");
        for (GoalRevisionEntity r : revisions) {
            ObjectNode item = items.addObject().put("at", FieldTypes.instantText(r.createdAt)).put("kpi", r.kpi)
                    .put("period", r.period).put("target", KpiResult.plain(r.target)).put("deleted", r.deleted);
            item.set("scope", Json.MAPPER.valueToTree(scope(r)));
            item.set("pacing", Json.MAPPER.valueToTree(FieldTypes.decimals(r.pacing)));
        }
        page.putNull("next");
        return page;
    }

    /** @return the goal's scope as the filter that slices its KPI: {@code ownerId} or {@code team}, else empty */
    private static Map<String, String> scope(GoalRevisionEntity r) {
        Map<String, String> scope = new LinkedHashMap<>();
        if (r.scopeUserId != null) {
            scope.put("ownerId", r.scopeUserId);
        } else if (r.scopeTeam != null) {
            scope.put("team", r.scopeTeam);
        }
        return scope;
    }
}
