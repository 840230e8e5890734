package org.revos.runtime.internal.objects;

import org.osgi.service.component.annotations.Component;
import org.revos.api.model.ObjectType;
import org.revos.kernel.spi.Ids;
import org.revos.kernel.spi.TenantTransaction;
import org.revos.kernel.spi.objects.StageHistory;
import org.revos.runtime.internal.persistence.StageTransitionEntity;

/**
 * {@link StageHistory}: the kernel keeps the stage history rows, part of its object model (the facts, KPIs and exports
 * read them whether or not a stage engine runs); the stage engine appends them.
 */
@Component(service = StageHistory.class)
public final class KernelStageHistory implements StageHistory {

    @Override
    public String record(TenantTransaction tx, ObjectType type, String objectId, String pipeline, String fromStage,
            String toStage, long at, String overrideReason) {
        StageTransitionEntity t = new StageTransitionEntity();
        t.id = Ids.next("stg");
        t.objectType = type.name();
        t.objectId = objectId;
        t.pipeline = pipeline;
        t.fromStage = fromStage;
        t.toStage = toStage;
        t.at = at;
        t.createdAt = tx.now();
        t.updatedAt = tx.now();
        t.actor = tx.caller() == null ? "system" : tx.caller().keyId();
        t.overrideReason = overrideReason;
        tx.em().persist(t);
        return t.id;
    }
}
