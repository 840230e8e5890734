package org.revos.runtime.internal.objects;

import java.util.HashMap;
import java.util.Map;

import org.revos.kernel.spi.TenantTransaction;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.objects.ObjectRules;
import org.revos.runtime.internal.persistence.LeadEntity;
import org.revos.runtime.internal.persistence.Tx;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A lead must say who or what it is: an email, a name or a company. A write of a field that was filled from
 * elsewhere takes it out of the record of {@link Provenance}.
 */
public final class LeadRules implements ObjectRules<LeadEntity> {

    @Override
    public void check(TenantTransaction tx, LeadEntity candidate, ObjectNode before, Violations v) {
        if (candidate.email == null && candidate.name == null && candidate.company == null) {
            v.add("email", "a lead needs at least one of email, name or company");
        }
    }

    @Override
    public void afterWrite(TenantTransaction tx, LeadEntity e, ObjectNode before) {
        if (before == null) {
            return;
        }
        Map<String, Object> current = new HashMap<>();
        current.put("company", e.company);
        current.put("country", e.country);
        current.put("employees", e.employees);
        e.enriched = Provenance.keepUnchanged(e.enriched, before, current);
    }
}
