package org.revos.runtime.internal.objects;

import org.revos.kernel.spi.TenantTransaction;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.objects.ObjectRules;
import org.revos.runtime.internal.persistence.ActivityEntity;
import org.revos.runtime.internal.persistence.Tx;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An activity happened now unless it says when, and is about at least one lead, contact, account or deal. */
final class ActivityRules implements ObjectRules<ActivityEntity> {

    @Override
    public void defaults(TenantTransaction tx, ActivityEntity created) {
        created.occurredAt = tx.now();
    }

    @Override
    public void check(TenantTransaction tx, ActivityEntity candidate, ObjectNode before, Violations v) {
        if (candidate.leadId == null && candidate.contactId == null && candidate.accountId == null
                && candidate.dealId == null) {
            v.add("leadId", "an activity is linked to at least one of leadId, contactId, accountId or dealId");
        }
    }
}
