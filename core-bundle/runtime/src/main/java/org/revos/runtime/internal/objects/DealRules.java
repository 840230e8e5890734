package org.revos.runtime.internal.objects;

import org.revos.kernel.spi.TenantTransaction;
import org.revos.kernel.spi.objects.ObjectRules;

import org.revos.api.model.DealType;
import org.revos.runtime.internal.persistence.DealEntity;
import org.revos.runtime.internal.persistence.Tx;

/** A new deal is NEW_BUSINESS worth nothing until it says otherwise. */
final class DealRules implements ObjectRules<DealEntity> {

    @Override
    public void defaults(TenantTransaction tx, DealEntity created) {
        created.type = DealType.NEW_BUSINESS.name();
    }
}
