package org.revos.runtime.internal.objects;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.revos.runtime.internal.persistence.LeadEntity;
import org.revos.runtime.internal.persistence.Tx;
import org.revos.runtime.internal.problem.Violations;

/** A lead must say who or what it is: an email, a name or a company. */
final class LeadRules implements ObjectRules<LeadEntity> {

    @Override
    public void check(Tx tx, LeadEntity candidate, ObjectNode before, Violations v) {
        if (candidate.email == null && candidate.name == null && candidate.company == null) {
            v.add("email", "a lead needs at least one of email, name or company");
        }
    }
}
