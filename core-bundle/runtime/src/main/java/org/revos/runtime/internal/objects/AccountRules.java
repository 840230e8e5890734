package org.revos.runtime.internal.objects;

import java.util.HashMap;
import java.util.Map;

import org.revos.kernel.spi.TenantTransaction;
import org.revos.kernel.spi.objects.ObjectRules;
import org.revos.runtime.internal.persistence.AccountEntity;
import org.revos.runtime.internal.persistence.Tx;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Accounts have no rules beyond their fields; their ARR is maintained by revenue events. A write of a field that was
 * filled from elsewhere takes it out of the record of {@link Provenance}.
 */
final class AccountRules implements ObjectRules<AccountEntity> {

    @Override
    public void defaults(TenantTransaction tx, AccountEntity created) {
        created.arrCents = 0;
        created.seats = 0;
    }

    @Override
    public void afterWrite(TenantTransaction tx, AccountEntity e, ObjectNode before) {
        if (before == null) {
            return;
        }
        Map<String, Object> current = new HashMap<>();
        current.put("country", e.country);
        current.put("employees", e.employees);
        current.put("industry", e.industry);
        e.enriched = Provenance.keepUnchanged(e.enriched, before, current);
    }
}
