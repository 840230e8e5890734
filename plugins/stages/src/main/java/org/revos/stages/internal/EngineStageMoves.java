package org.revos.stages.internal;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.revos.api.model.ObjectType;
import org.revos.api.model.Tenant;
import org.revos.api.query.RevosData;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.TenantTransaction;
import org.revos.kernel.spi.objects.StageMoves;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@link StageMoves} for engines (lead intake making a lead MQL) and the kernel's bulk writers (imports and sync
 * moving an existing object to the stage a row names): the moves {@link TransitionsResource} makes, inside the
 * caller's transaction.
 */
@Component(service = StageMoves.class)
public final class EngineStageMoves implements StageMoves {

    private final StageEngine engine;
    private final StageModels models;
    private final RevosData data;

    @Activate
    public EngineStageMoves(@Reference StageEngine engine, @Reference StageModels models, @Reference RevosData data) {
        this.engine = engine;
        this.models = models;
        this.data = data;
    }

    @Override
    public ObjectNode move(TenantTransaction tx, ObjectType type, String id, JsonNode request) {
        return move(tx, type, id, request, true);
    }

    @Override
    public ObjectNode move(TenantTransaction tx, ObjectType type, String id, JsonNode request,
            boolean recordRevenue) {
        staged(type);
        Tenant tenant = tenant(tx);
        return engine.transition(tx, tenant, models.forTenant(tx, tenant), type, id, request, recordRevenue);
    }

    @Override
    public void place(TenantTransaction tx, ObjectType type, String id, String pipeline, String stage,
            boolean recordRevenue) {
        staged(type);
        Tenant tenant = tenant(tx);
        engine.enter(tx, tenant, models.forTenant(tx, tenant), type, id, pipeline, stage, recordRevenue);
    }

    @Override
    public List<String> lossReasons(Tenant tenant) {
        return models.forTenant(tenant).lossReasons();
    }

    /** @return the transaction's tenant, read once per transaction */
    Tenant tenant(TenantTransaction tx) {
        return tx.once("org.revos.stages:tenant", () -> data.forTenant(tx.tenantId()).tenant());
    }

    private static void staged(ObjectType type) {
        if (type != ObjectType.LEAD && type != ObjectType.DEAL) {
            throw Problem.invalid("type", "only leads and deals move through stages");
        }
    }
}
