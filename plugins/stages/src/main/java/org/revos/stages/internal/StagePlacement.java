package org.revos.stages.internal;

import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.revos.api.model.ObjectType;
import org.revos.api.model.Tenant;
import org.revos.api.query.RevosData;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.TenantTransaction;
import org.revos.kernel.spi.objects.ObjectShaper;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Places every new lead and deal, however it is created (REST, import, sync, another engine), through the kernel's
 * {@link ObjectShaper} hook: the first stage of the pipeline the creation names (or of the default one), then, when
 * it names a stage, a move there through the {@link StageEngine} with every entry requirement checked. The kernel
 * renders the object for its write hooks, its audit entry and the answer afterwards, so all of them show the stage.
 * Without an active stage model a creation naming neither gets no stage, as before.
 */
@Component(service = ObjectShaper.class)
public final class StagePlacement implements ObjectShaper {

    private final StageEngine engine;
    private final StageModels models;
    private final Function<String, Tenant> tenants;

    @Activate
    public StagePlacement(@Reference StageEngine engine, @Reference StageModels models, @Reference RevosData data) {
        this(engine, models, (Function<String, Tenant>) tenantId -> data.forTenant(tenantId).tenant());
    }

    /** @return a placement that knows the tenants through {@code tenants} (tests, without the kernel's data) */
    static StagePlacement of(StageEngine engine, StageModels models, Function<String, Tenant> tenants) {
        return new StagePlacement(engine, models, tenants);
    }

    private StagePlacement(StageEngine engine, StageModels models, Function<String, Tenant> tenants) {
        this.engine = engine;
        this.models = models;
        this.tenants = tenants;
    }

    @Override
    public void creating(TenantTransaction tx, Creation creation) {
        if (creation.type() != ObjectType.LEAD && creation.type() != ObjectType.DEAL) {
            return;
        }
        String pipeline = id(creation.take("pipeline"), "pipeline");
        String stage = id(creation.take("stage"), "stage");
        Tenant tenant = tx.once("org.revos.stages:tenant", () -> tenants.apply(tx.tenantId()));
        engine.enter(tx, tenant, models.forTenant(tx, tenant), creation.type(), creation.id(), pipeline, stage,
                creation.derivesRecords());
    }

    private static String id(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw Problem.invalid(field, "must be a " + field + " id; see GET /api/v1/pipelines");
        }
        return value.textValue();
    }
}
