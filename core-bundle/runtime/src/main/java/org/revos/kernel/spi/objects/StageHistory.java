package org.revos.kernel.spi.objects;

import org.osgi.annotation.versioning.ProviderType;
import org.revos.api.model.ObjectType;
import org.revos.kernel.spi.TenantTransaction;

/**
 * The stage history of leads and deals (table {@code STAGE_TRANSITIONS}), part of the kernel's object model: KPIs, exports and
 * the facts read it, and it outlives any stage engine. The engine that moves objects through stages appends one row
 * per move (entering the first stage included) inside the move's transaction. Rows are read through JPQL
 * ({@code StageTransitionEntity}: {@code id}, {@code objectType}, {@code objectId}, {@code pipeline},
 * {@code fromStage}, {@code toStage}, {@code at}, {@code actor}, {@code overrideReason}). A service of the kernel;
 * since 1.4.
 */
@ProviderType
public interface StageHistory {

    /**
     * Appends a row: the object entered {@code toStage} of {@code pipeline} from {@code fromStage} ({@code null} for
     * its first stage) at {@code at}, moved by the transaction's caller ({@code system} without one).
     *
     * @param overrideReason why an ADMIN moved past unmet requirements, {@code null} for an ordinary move
     * @return the row's id
     */
    String record(TenantTransaction tx, ObjectType type, String objectId, String pipeline, String fromStage,
            String toStage, long at, String overrideReason);
}
