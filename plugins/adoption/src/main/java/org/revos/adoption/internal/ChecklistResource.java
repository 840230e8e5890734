package org.revos.adoption.internal;

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
import org.revos.api.spi.AdoptionTactic;
import org.revos.api.spi.ChecklistItem;
import org.revos.api.spi.Initiative;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.TenantStore;
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.kernel.spi.rest.RevosResources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/v1/adoption/initiatives/{id}/checklist}: per CREDIT tactic, the manual items and the automatic
 * probes with their evidence, what is missing, and the share of records that follow the process.
 */
@Component(service = ChecklistResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosResources.APPLICATION_SELECT)
@Path("adoption/initiatives/{id}/checklist")
@Produces(MediaType.APPLICATION_JSON)
public final class ChecklistResource {

    private final TenantStore store;
    private final AdoptionEngine engine;

    @Activate
    public ChecklistResource(@Reference TenantStore store, @Reference AdoptionEngine engine) {
        this.store = store;
        this.engine = engine;
    }

    @GET
    public JsonNode checklist(@PathParam("id") String id, @Context SecurityContext security) {
        String tenantId = ((Caller) security.getUserPrincipal()).tenantId();
        InitiativeEntity initiative = store.query(tenantId, em -> em.find(InitiativeEntity.class, id));
        if (initiative == null) {
            throw Problem.notFound("initiative", id);
        }
        AdoptionEngine.Checklist checklist = engine.checklist(tenantId, initiative);
        engine.celebrateIfDone(tenantId, initiative, checklist, java.time.Instant.now());
        return render(checklist, initiative);
    }

    static ObjectNode render(AdoptionEngine.Checklist checklist, InitiativeEntity entity) {
        Initiative initiative = checklist.initiative();
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("initiativeId", initiative.id())
                .put("name", initiative.name());
        ArrayNode phases = out.putArray("phases");
        initiative.phases().forEach(p -> phases.addObject().put("phase", p.name().name()).put("start", p.start())
                .put("end", p.end()).put("status", p.status().name()));
        ArrayNode tactics = out.putArray("tactics");
        Double share = null;
        int done = 0;
        for (AdoptionTactic tactic : AdoptionTactic.values()) {
            boolean tacticDone = checklist.done(tactic);
            done += tacticDone ? 1 : 0;
            ObjectNode t = tactics.addObject().put("tactic", tactic.name()).put("done", tacticDone);
            ArrayNode missing = JsonNodeFactory.instance.arrayNode();
            ArrayNode items = t.putArray("items");
            for (ChecklistItem item : checklist.items().get(tactic)) {
                items.addObject().put("id", item.id()).put("kind", item.kind().name()).put("text", item.text())
                        .put("ownerId", item.ownerId()).put("due", item.due() == null ? null : item.due().toString())
                        .put("userId", item.userId()).put("cadence", item.cadence()).put("done", item.isDone())
                        .put("doneBy", item.doneBy())
                        .put("doneAt", item.doneAt() == null ? null : FieldTypes.instantText(item.doneAt()
                                .toEpochMilli()));
                if (item.kind() != ChecklistItem.Kind.REMINDER && !item.isDone()) {
                    missing.add((item.kind() == ChecklistItem.Kind.TRAINING ? "training not completed: "
                            : "open item: ") + item.text());
                }
            }
            ArrayNode probes = t.putArray("probes");
            for (AdoptionEngine.ProbeAnswer a : checklist.probes().get(tactic)) {
                ObjectNode p = probes.addObject().put("plugin", a.pluginId()).put("probe", a.probeId())
                        .put("label", a.label());
                if (a.result() == null) {
                    p.put("done", false).putNull("evidence").putNull("complianceShare").put("error", a.failure());
                    missing.add("probe " + a.pluginId() + " could not answer: " + a.failure());
                    continue;
                }
                p.put("done", a.result().done()).put("evidence", a.result().evidence());
                p.put("complianceShare", a.result().complianceShare());
                if (a.result().complianceShare() != null) {
                    share = share == null ? a.result().complianceShare() : Math.min(share,
                            a.result().complianceShare());
                }
                if (!a.result().done()) {
                    missing.add(a.result().missing() == null ? a.label() : a.result().missing());
                }
            }
            if (checklist.items().get(tactic).isEmpty() && checklist.probes().get(tactic).isEmpty()) {
                missing.add("nothing is planned or checked for " + tactic + ": add an item to /api/v1/adoption/items"
                        + " or enable a plugin with a probe for it");
            }
            t.set("missing", missing);
        }
        out.put("tacticsDone", done).put("done", done == AdoptionTactic.values().length);
        out.put("complianceShare", share);
        out.put("celebratedAt", entity.celebratedAt == null ? null : FieldTypes.instantText(entity.celebratedAt));
        return out;
    }
}
