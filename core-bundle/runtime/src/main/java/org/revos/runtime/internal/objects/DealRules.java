package org.revos.runtime.internal.objects;

import org.revos.api.model.DealType;
import org.revos.kernel.spi.TenantTransaction;
import org.revos.kernel.spi.objects.ObjectRules;
import org.revos.runtime.internal.persistence.DealEntity;
import org.revos.runtime.internal.persistence.Tx;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A new deal is NEW_BUSINESS worth nothing until it says otherwise. Its owner is kept over time
 * ({@link DealOwners}): every write that creates a deal or changes its owner, whatever the path (API, import, sync),
 * records it in the same transaction.
 */
final class DealRules implements ObjectRules<DealEntity> {

    @Override
    public void defaults(TenantTransaction tx, DealEntity created) {
        created.type = DealType.NEW_BUSINESS.name();
    }

    @Override
    public void afterWrite(TenantTransaction tx, DealEntity deal, ObjectNode before) {
        DealOwners.written(Tx.of(tx), deal, before == null ? null : before.path("ownerId").asText(null), before == null);
    }

    @Override
    public void afterDelete(TenantTransaction tx, DealEntity deleted) {
        DealOwners.deleted(Tx.of(tx), deleted);
    }
}
