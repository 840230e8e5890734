package org.revos.runtime.internal.stages;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.revos.api.model.ObjectType;
import org.revos.api.model.Tenant;
import org.revos.api.query.RevosData;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.TenantTransaction;
import org.revos.kernel.spi.objects.StageMoves;
import org.revos.runtime.internal.persistence.Tx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@link StageMoves} for engines: the moves {@link TransitionsResource} makes, inside the engine's transaction. */
@Component(service = StageMoves.class)
public final class KernelStageMoves implements StageMoves {

    private final StageModels models;
    private final RevosData data;

    @Activate
    public KernelStageMoves(@Reference StageModels models, @Reference RevosData data) {
        this.models = models;
        this.data = data;
    }

    @Override
    public ObjectNode move(TenantTransaction tx, ObjectType type, String id, JsonNode request) {
        if (type != ObjectType.LEAD && type != ObjectType.DEAL) {
            throw Problem.invalid("type", "only leads and deals move through stages");
        }
        if (!(tx instanceof Tx kernelTx)) {
            throw new IllegalArgumentException("a transaction the kernel's TenantStore did not start");
        }
        Tenant tenant = data.forTenant(tx.tenantId()).tenant();
        return StageEngine.transition(kernelTx, tenant, models.forTenant(tenant), type, id, request);
    }
}
