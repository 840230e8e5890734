package org.revos.runtime.internal.stages;

import org.revos.api.model.ObjectType;
import org.revos.api.model.Pipeline;
import org.revos.api.model.Tenant;
import org.revos.api.query.RevosData;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.TenantRow;
import org.revos.kernel.spi.TenantTransaction;
import org.revos.kernel.spi.objects.ObjectCollections;
import org.revos.kernel.spi.objects.ObjectSchema;
import org.revos.kernel.spi.rest.MutableCollectionResource;
import org.revos.runtime.internal.persistence.Tx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A collection whose objects move through pipelines (leads, deals): a new object starts in the first stage of its
 * type's default pipeline (or of the {@code pipeline} its POST names), when a stage model is active, and moves on to
 * the {@code stage} its POST names through the engine; later moves go through {@code .../{id}/transitions}.
 */
public abstract class StagedCollectionResource<E extends TenantRow> extends MutableCollectionResource<E> {

    private final StageModels stageModels;
    private final RevosData data;

    protected StagedCollectionResource(ObjectSchema<E> schema, ObjectCollections collections,
            StageModels stageModels, RevosData data) {
        super(schema, collections);
        this.stageModels = stageModels;
        this.data = data;
    }

    /** {@code pipeline} and {@code stage} of a POST are the engine's to apply, not plain fields. */
    @Override
    protected JsonNode fieldsOfTheObject(JsonNode body) {
        if (body instanceof ObjectNode object && (object.has("pipeline") || object.has("stage"))) {
            ObjectNode fields = object.deepCopy();
            fields.remove("pipeline");
            fields.remove("stage");
            return fields;
        }
        return body;
    }

    /**
     * Enters the first stage of the requested (or default) pipeline, then, when the POST names a stage, moves there
     * through the engine with every entry requirement and criterion checked: a create cannot skip the rules a
     * transition has. Only where the stage may be entered from does not apply, as a new object comes from outside.
     */
    @Override
    protected final void created(TenantTransaction tx, String id, JsonNode body) {
        Tenant tenant = data.forTenant(tx.tenantId()).tenant();
        enter((Tx) tx, tenant, stageModels.forTenant(tenant), schema.type(), id, text(body, "pipeline"),
                text(body, "stage"), true);
    }

    /**
     * Places a new lead or deal: the first stage of {@code pipeline} (or of the default one), then, when a stage is
     * named, a move there through the engine with every entry requirement checked. Imports create objects this way
     * too.
     *
     * @param recordRevenue whether a deal placed in a won or churned stage records its revenue event
     */
    public static void enter(Tx tx, Tenant tenant, StageCatalog catalog, ObjectType type, String id, String pipeline,
            String stage, boolean recordRevenue) {
        if (pipeline == null && stage == null) {
            StageEngine.enterFirstStage(tx, catalog, type, id);
            return;
        }
        catalog.requireActive();
        Pipeline chosen = (pipeline == null ? catalog.defaultPipeline(type) : catalog.pipeline(type, pipeline))
                .orElseThrow(() -> Problem.invalid("pipeline", "no " + type.name().toLowerCase() + " pipeline "
                        + pipeline + "; see GET /api/v1/pipelines"));
        long at = stage == null ? tx.now() : StageEngine.arrival(tx, tenant, chosen, type, id, stage);
        StageEngine.enterStage(tx, chosen, type, id, at);
        if (stage != null) {
            StageEngine.placeNew(tx, tenant, catalog, type, id, stage, recordRevenue, at);
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body == null ? null : body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw Problem.invalid(field, "must be a " + field + " id; see GET /api/v1/pipelines");
        }
        return value.textValue();
    }
}
