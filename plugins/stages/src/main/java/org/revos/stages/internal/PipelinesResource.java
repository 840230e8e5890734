package org.revos.stages.internal;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.revos.api.model.EntryCriterion;
import org.revos.api.model.Pipeline;
import org.revos.api.model.PropertyDefinition;
import org.revos.api.model.Stage;
import org.revos.api.query.RevosData;
import org.revos.api.security.Caller;
import org.revos.kernel.spi.rest.RevosResources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/v1/pipelines} and {@code GET /api/v1/loss-reasons}: what the stage models enabled for the caller's
 * tenant provide. Both answer with {@code "stageModelActive": false} and empty items when none is.
 */
@Component(service = PipelinesResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosResources.APPLICATION_SELECT)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public final class PipelinesResource {

    private final StageModels models;
    private final RevosData data;

    @Activate
    public PipelinesResource(@Reference StageModels models, @Reference RevosData data) {
        this.models = models;
        this.data = data;
    }

    @GET
    @Path("pipelines")
    public JsonNode pipelines(@Context SecurityContext security) {
        StageCatalog catalog = catalog(security);
        ObjectNode page = envelope(catalog);
        ArrayNode items = page.putArray("items");
        String tenantId = ((Caller) security.getUserPrincipal()).tenantId();
        List<PropertyDefinition> definitions = data.forTenant(tenantId).propertyDefinitions().toList();
        for (Pipeline p : catalog.effectivePipelines(definitions)) {
            ObjectNode pipeline = items.addObject().put("id", p.id()).put("objectType", p.objectType().name())
                    .put("isDefault", catalog.defaultPipeline(p.objectType()).map(d -> d.id().equals(p.id()))
                            .orElse(false));
            ArrayNode stages = pipeline.putArray("stages");
            p.stages().forEach(s -> stage(stages.addObject(), s));
        }
        page.putNull("next");
        return page;
    }

    @GET
    @Path("loss-reasons")
    public JsonNode lossReasons(@Context SecurityContext security) {
        StageCatalog catalog = catalog(security);
        ObjectNode page = envelope(catalog);
        ArrayNode items = page.putArray("items");
        catalog.lossReasons().forEach(code -> items.addObject().put("code", code));
        page.putNull("next");
        return page;
    }

    private static void stage(ObjectNode stage, Stage s) {
        stage.put("id", s.id()).put("label", s.label()).put("category", s.category().name())
                .put("probability", s.probability()).put("phase", s.phase() == null ? null : s.phase().name())
                .put("requiresLossReason", s.requiresLossReason());
        s.requiredProperties().forEach(stage.putArray("requiredProperties")::add);
        ArrayNode criteria = stage.putArray("entryCriteria");
        s.entryCriteria().forEach(c -> criterion(criteria.addObject().put("id", c.id())
                .put("description", c.description()), c));
        s.allowedFrom().forEach(stage.putArray("allowedFrom")::add);
    }

    /** Each criterion as {@code kind} and its parameters, the names of the record's components. */
    private static void criterion(ObjectNode json, EntryCriterion c) {
        if (c instanceof EntryCriterion.FieldIn in) {
            json.put("kind", "FIELD_IN").put("field", in.field());
            in.values().forEach(json.putArray("values")::add);
        } else if (c instanceof EntryCriterion.FieldAtLeast atLeast) {
            json.put("kind", "FIELD_AT_LEAST").put("field", atLeast.field()).put("minimum", atLeast.minimum());
        } else if (c instanceof EntryCriterion.FieldContainsAny contains) {
            json.put("kind", "FIELD_CONTAINS_ANY").put("field", contains.field());
            contains.keywords().forEach(json.putArray("keywords")::add);
        } else if (c instanceof EntryCriterion.ActivitiesAtLeast action) {
            json.put("kind", "ACTIVITIES_AT_LEAST").put("minimum", action.minimum());
            ArrayNode types = json.putArray("types");
            action.types().stream().sorted().forEach(t -> types.add(t.name()));
        }
    }

    private StageCatalog catalog(SecurityContext security) {
        String tenantId = ((Caller) security.getUserPrincipal()).tenantId();
        return models.forTenant(data.forTenant(tenantId).tenant());
    }

    private static ObjectNode envelope(StageCatalog catalog) {
        return JsonNodeFactory.instance.objectNode().put("stageModelActive", catalog.active());
    }
}
