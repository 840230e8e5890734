package org.revos.runtime.internal.stages;

import org.revos.api.model.ObjectType;
import org.revos.api.query.RevosData;
import org.revos.runtime.internal.objects.ObjectSchema;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.persistence.TenantRow;
import org.revos.runtime.internal.persistence.Tx;
import org.revos.runtime.internal.rest.Idempotency;
import org.revos.runtime.internal.rest.MutableCollectionResource;

/**
 * A collection whose objects move through pipelines (leads, deals): a new object starts in the first stage of its
 * type's default pipeline, when a stage model is active; later moves go through {@code .../{id}/transitions}.
 */
public abstract class StagedCollectionResource<E extends TenantRow> extends MutableCollectionResource<E> {

    private final StageModels stageModels;
    private final RevosData data;

    protected StagedCollectionResource(ObjectSchema<E> schema, Store store, Idempotency idempotency,
            StageModels stageModels, RevosData data) {
        super(schema, store, idempotency);
        this.stageModels = stageModels;
        this.data = data;
    }

    @Override
    protected final void created(Tx tx, String id) {
        ObjectType type = schema.type();
        StageEngine.enterFirstStage(tx, stageModels.forTenant(data.forTenant(tx.tenantId()).tenant()), type, id);
    }
}
